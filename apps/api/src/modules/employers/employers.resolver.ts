import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { EmployerIdArgs, EmployerListArgs, RejectEmployerArgs } from './dtos/employer.args.js';
import { EmployerPage, EmployerType, toEmployerType } from './employer.type.js';
import { EmployersService } from './employers.service.js';

@Resolver(() => EmployerType)
export class EmployersResolver {
  constructor(private readonly employerService: EmployersService) {}

  @Roles('EMPLOYER')
  @Query(() => EmployerType, { nullable: true, description: "The caller's own organisation." })
  async myEmployer(@CurrentActor() actor: Actor): Promise<EmployerType | null> {
    if (!actor.employerId) return null;
    return toEmployerType(await this.employerService.findById(actor.employerId), { maskContact: false });
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Query(() => EmployerPage, { description: 'The verification queue and employer register, limited to your region.' })
  async employers(@CurrentActor() actor: Actor, @Args() args: EmployerListArgs): Promise<EmployerPage> {
    const page = await this.employerService.list({ ...args.filter, take: args.take, skip: args.skip, regionScope: AccessPolicy.staffRegionScope(actor) });
    return Object.assign(new EmployerPage(), { total: page.total, items: page.items.map((e) => toEmployerType(e, { maskContact: true })) });
  }

  @Query(() => EmployerType)
  async employer(@CurrentActor() actor: Actor, @Args() { id }: EmployerIdArgs): Promise<EmployerType> {
    const employer = await this.employerService.findById(id);
    AccessPolicy.assert(AccessPolicy.canReadEmployer(actor, employer));
    return toEmployerType(employer, { maskContact: false });
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EmployerType, { description: 'Confirms the employer is a real, lawful organisation.' })
  async verifyEmployer(@CurrentActor() actor: Actor, @Args() { id }: EmployerIdArgs): Promise<EmployerType> {
    AccessPolicy.assert(AccessPolicy.canReviewEmployer(actor, await this.employerService.findById(id)), '只能审核本辖区的单位 / You can only review employers in your region');
    return toEmployerType(await this.employerService.review(id, actor.id, { verified: true }), { maskContact: false });
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EmployerType)
  async rejectEmployer(@CurrentActor() actor: Actor, @Args() { id, reason }: RejectEmployerArgs): Promise<EmployerType> {
    AccessPolicy.assert(AccessPolicy.canReviewEmployer(actor, await this.employerService.findById(id)), '只能审核本辖区的单位 / You can only review employers in your region');
    return toEmployerType(await this.employerService.review(id, actor.id, { verified: false, reason }), { maskContact: false });
  }

  @ResolveField(() => RegionType)
  async region(@Parent() employer: EmployerType, @Context() ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(employer.regionCode))!);
  }
}
