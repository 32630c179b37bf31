import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { AllowedBeforePasswordChange, CurrentActor } from '../../common/auth/decorators.js';
import { SessionEvents } from '../../common/auth/session-events.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { UserListArgs, UserStatusArgs } from './dtos/user-admin.args.js';
import { UserAdminService } from './user-admin.service.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { EmployerType, toEmployerType } from '../employers/employer.type.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { CreateStaffAccountInput, UpdateProfileInput } from './dtos/user.inputs.js';
import { UserPage, UserType, toUserType } from './user.type.js';
import { UsersService } from './users.service.js';
import { StaffAccountsService } from './staff-accounts.service.js';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly staff: StaffAccountsService,
    private readonly permissions: Permissions,
    private readonly admin: UserAdminService,
    private readonly sessions: SessionEvents,
  ) {}

  @AllowedBeforePasswordChange()
  @Query(() => UserType, { description: 'The signed-in account.' })
  async me(@CurrentActor() actor: Actor): Promise<UserType> {
    this.permissions.require(actor, 'user.readSelf', actor);
    return toUserType(await this.users.findById(actor.id), { maskContact: false, isSelf: true });
  }

  @Mutation(() => UserType)
  async updateMyProfile(@CurrentActor() actor: Actor, @Args('input') input: UpdateProfileInput): Promise<UserType> {
    this.permissions.require(actor, 'user.updateProfile', actor);
    return toUserType(await this.users.updateProfile(actor.id, input), { maskContact: false, isSelf: true });
  }

  @Mutation(() => UserType, { description: 'Organizers create mentors and hosts in their region; admins create organizers.' })
  async createStaffAccount(@CurrentActor() actor: Actor, @Args('input') input: CreateStaffAccountInput): Promise<UserType> {
    const regionCode = this.staff.regionFor(actor, input);
    this.permissions.require(actor, 'user.createStaff', { role: input.role, regionCode });
    return toUserType(await this.staff.create(actor, input, regionCode), { maskContact: true });
  }

  @Allow('user.list')
  @Query(() => UserPage, { name: 'users', description: "The admin's list of accounts: search by name, e-mail or mobile; contact masked." })
  async userList(@Args() args: UserListArgs): Promise<UserPage> {
    const page = await this.admin.list({ ...args.filter, take: args.take, skip: args.skip });
    return Object.assign(new UserPage(), { total: page.total, items: page.items.map((u) => toUserType(u, { maskContact: true })) });
  }

  @Mutation(() => UserType, { description: "Deactivates an account: signing in is refused and its sessions and sockets end at once." })
  async deactivateUser(@CurrentActor() actor: Actor, @Args() { id, reason }: UserStatusArgs): Promise<UserType> {
    this.permissions.require(actor, 'user.deactivate', await this.users.findById(id));
    const { user, endedSessions } = await this.admin.deactivate(actor, id, reason);
    for (const sessionId of endedSessions) this.sessions.sessionEnded(sessionId);
    return toUserType(user, { maskContact: true });
  }

  @Mutation(() => UserType)
  async reactivateUser(@CurrentActor() actor: Actor, @Args() { id, reason }: UserStatusArgs): Promise<UserType> {
    this.permissions.require(actor, 'user.deactivate', await this.users.findById(id));
    return toUserType(await this.admin.reactivate(actor, id, reason), { maskContact: true });
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
    if (!user.isSelf && !this.permissions.can(actor, 'employer.read', employer)) return null;
    return toEmployerType(employer, { maskContact: !user.isSelf });
  }
}
