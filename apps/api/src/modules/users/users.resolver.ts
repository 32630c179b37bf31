import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { EmployerType, toEmployerType } from '../employers/employer.type.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { CreateStaffAccountInput, UpdateProfileInput } from './dtos/user.inputs.js';
import { UserType, toUserType } from './user.type.js';
import { UsersService } from './users.service.js';
import { StaffAccountsService } from './staff-accounts.service.js';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly staff: StaffAccountsService,
  ) {}

  @Query(() => UserType, { description: 'The signed-in account.' })
  async me(@CurrentActor() actor: Actor): Promise<UserType> {
    return toUserType(await this.users.findById(actor.id), { maskContact: false, isSelf: true });
  }

  @Mutation(() => UserType)
  async updateMyProfile(@CurrentActor() actor: Actor, @Args('input') input: UpdateProfileInput): Promise<UserType> {
    return toUserType(await this.users.updateProfile(actor.id, input), { maskContact: false, isSelf: true });
  }

  @Roles('ADMIN', 'ORGANIZER')
  @Mutation(() => UserType, { description: 'Organizers create mentors and hosts in their region; admins create organizers.' })
  async createStaffAccount(@CurrentActor() actor: Actor, @Args('input') input: CreateStaffAccountInput): Promise<UserType> {
    return toUserType(await this.staff.create(actor, input), { maskContact: true });
  }

  @ResolveField(() => RegionType, { nullable: true })
  async region(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<RegionType | null> {
    if (!user.regionCode) return null;
    const region = await ctx.loaders.region.load(user.regionCode);
    return region ? toRegionType(region) : null;
  }

  @ResolveField(() => EmployerType, { nullable: true })
  async employer(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<EmployerType | null> {
    if (!user.employerId) return null;
    const employer = await ctx.loaders.employer.load(user.employerId);
    const actor = ctx.req.actor;
    if (!employer) return null;
    if (!user.isSelf && !(actor && AccessPolicy.canReadEmployer(actor, employer))) return null;
    return toEmployerType(employer, { maskContact: !user.isSelf });
  }
}
