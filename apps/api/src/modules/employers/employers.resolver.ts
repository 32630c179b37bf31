import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { EmployerIdArgs, EmployerListArgs, RejectEmployerArgs, ResubmitEmployerInput, RevokeEmployerArgs } from './dtos/employer.args.js';
import { RegionsService } from '../regions/regions.service.js';
import { EmployerViewerCanType } from './employer-viewer-can.type.js';
import { EmployerPage, EmployerType, toEmployerType } from './employer.type.js';
import { EmployersService } from './employers.service.js';

@Resolver(() => EmployerType)
export class EmployersResolver {
  constructor(
    private readonly employerService: EmployersService,
    private readonly permissions: Permissions,
    private readonly regions: RegionsService,
  ) {}

  @Allow('employer.readOwn')
  @Query(() => EmployerType, { nullable: true, description: "The caller's own organisation." })
  async myEmployer(@CurrentActor() actor: Actor): Promise<EmployerType | null> {
    if (!actor.employerId) return null;
    return toEmployerType(await this.employerService.findById(actor.employerId), { maskContact: false });
  }

  @Allow('employer.list')
  @Query(() => EmployerPage, { description: 'The verification queue and employer register, limited to your region.' })
  async employers(@CurrentActor() actor: Actor, @Args() args: EmployerListArgs): Promise<EmployerPage> {
    // The list filter mirrors `employer.read` for staff: the regions the caller covers.
    const page = await this.employerService.list({ ...args.filter, take: args.take, skip: args.skip, regionScope: staffRegionScope(actor) });
    return Object.assign(new EmployerPage(), { total: page.total, items: page.items.map((e) => toEmployerType(e, { maskContact: true })) });
  }

  @Query(() => EmployerType)
  async employer(@CurrentActor() actor: Actor, @Args() { id }: EmployerIdArgs): Promise<EmployerType> {
    const employer = await this.employerService.findById(id);
    this.permissions.require(actor, 'employer.read', employer);
    return toEmployerType(employer, { maskContact: false });
  }

  @Mutation(() => EmployerType, { description: 'Confirms the employer is a real, lawful organisation.' })
  async verifyEmployer(@CurrentActor() actor: Actor, @Args() { id }: EmployerIdArgs): Promise<EmployerType> {
    this.permissions.require(actor, 'employer.verify', await this.employerService.findById(id));
    return toEmployerType(await this.employerService.review(id, actor.id, { verified: true }), { maskContact: false });
  }

  @Mutation(() => EmployerType)
  async rejectEmployer(@CurrentActor() actor: Actor, @Args() { id, reason }: RejectEmployerArgs): Promise<EmployerType> {
    this.permissions.require(actor, 'employer.reject', await this.employerService.findById(id));
    return toEmployerType(await this.employerService.review(id, actor.id, { verified: false, reason }), { maskContact: false });
  }

  @Mutation(() => EmployerType, { description: 'Withdraws a verification with a reason; the employer may correct its details and resubmit.' })
  async revokeEmployerVerification(@CurrentActor() actor: Actor, @Args() { id, reason }: RevokeEmployerArgs): Promise<EmployerType> {
    this.permissions.require(actor, 'employer.revoke', await this.employerService.findById(id));
    return toEmployerType(await this.employerService.revoke(actor, id, reason), { maskContact: false });
  }

  @Mutation(() => EmployerType, { description: "A rejected employer's member corrects the details and asks for review again." })
  async resubmitMyEmployer(@CurrentActor() actor: Actor, @Args('input') input: ResubmitEmployerInput): Promise<EmployerType> {
    if (!actor?.employerId) this.permissions.require(actor, 'employer.resubmit', { id: '', regionCode: '' });
    const employer = await this.employerService.findById(actor.employerId!);
    this.permissions.require(actor, 'employer.resubmit', employer);
    const updated = await this.employerService.resubmit(actor, employer.id, input, (code) => this.regions.exists(code));
    return toEmployerType(updated, { maskContact: false });
  }

  @ResolveField(() => EmployerViewerCanType, { description: 'What the caller may do with this employer now (permission and review state).' })
  viewerCan(@Parent() employer: EmployerType, @Context() ctx: GraphQLContext): EmployerViewerCanType {
    const pending = employer.status === 'PENDING';
    return Object.assign(new EmployerViewerCanType(), {
      verify: pending && this.permissions.can(ctx.req.actor, 'employer.verify', employer),
      reject: pending && this.permissions.can(ctx.req.actor, 'employer.reject', employer),
      revoke: employer.status === 'VERIFIED' && this.permissions.can(ctx.req.actor, 'employer.revoke', employer),
      resubmit: employer.status === 'REJECTED' && this.permissions.can(ctx.req.actor, 'employer.resubmit', employer),
    });
  }

  @ResolveField(() => RegionType)
  async region(@Parent() employer: EmployerType, @Context() ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(employer.regionCode))!);
  }
}
