import { Args, ArgsType, Context, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { Actor } from '../../common/auth/actor.js';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '../../common/auth/decorators.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { UsersService } from '../users/users.service.js';
import { PasswordService } from './password.service.js';
import { TokenService } from './token.service.js';
import { SessionEvents } from '../../common/auth/session-events.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { UserType as UserGqlType, toUserType } from '../users/user.type.js';
import { AuthPayload } from './auth-payload.type.js';
import { AuthService, type Session } from './auth.service.js';
import { AppConfig } from '../../config/app-config.js';
import { publicBaseUrl } from '../../common/http/public-base-url.js';
import { ChangePasswordInput, LoginInput, RegisterEmployerInput, RegisterSeekerInput, ResetPasswordInput } from './dtos/register.input.js';

@ArgsType()
class ResetCodeArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  userId: string;
}

@ArgsType()
class ResetEmailArgs {
  @Field() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(200)
  email: string;
}

@ObjectType({ description: 'A one-time reset code, shown once to the staff member who hands it over.' })
class PasswordResetCode {
  @Field({ description: 'XXXXX-XXXXX; only its hash is stored.' })
  code: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserGqlType)
  user: UserGqlType;
}

@ArgsType()
class RefreshTokenArgs {
  @Field() @IsString() @Length(10, 200)
  refreshToken: string;
}

const toPayload = (s: Session): AuthPayload =>
  Object.assign(new AuthPayload(), {
    accessToken: s.accessToken,
    accessTokenExpiresAt: s.accessTokenExpiresAt,
    refreshToken: s.refreshToken,
    user: toUserType(s.user, { maskContact: false, isSelf: true }),
  });

/** Express `req.ip`: the socket address, or X-Forwarded-For only from a loopback proxy (trust proxy = loopback). */
const clientAddress = (ctx: GraphQLContext): string => ctx.req.ip ?? 'unknown';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionEvents,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly permissions: Permissions,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'A job seeker signs up with e-mail or mobile number.' })
  async registerSeeker(@Args('input') input: RegisterSeekerInput, @Context() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await this.auth.registerSeeker(input, clientAddress(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Registers an employer (PENDING until an organizer of its region verifies it) and its first member.' })
  async registerEmployer(@Args('input') input: RegisterEmployerInput, @Context() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await this.auth.registerEmployer(input, clientAddress(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput, @Context() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await this.auth.login(input, clientAddress(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; reusing an old one ends the whole session.' })
  async refreshSession(@Args() { refreshToken }: RefreshTokenArgs): Promise<AuthPayload> {
    try {
      return toPayload(await this.auth.refresh(refreshToken));
    } catch (error) {
      // A rotated token presented again revokes its whole session (stolen-token detection): its sockets end too.
      const revoked = (error as { revokedSessionId?: string | null }).revokedSessionId;
      if (revoked) this.sessions.sessionEnded(revoked);
      throw error;
    }
  }

  @Public()
  @Mutation(() => Boolean, { description: "Revokes the session the refresh token belongs to and disconnects that session's sockets." })
  async logout(@Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    const sessionId = await this.auth.logout(refreshToken);
    if (sessionId) this.sessions.sessionEnded(sessionId);
    return sessionId !== null;
  }

  @AllowedBeforePasswordChange()
  @Mutation(() => UserGqlType, { description: "Changes the caller's password (needs the current one); the account's other sessions end." })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() ctx: GraphQLContext): Promise<UserGqlType> {
    this.permissions.require(actor, 'user.changePassword', actor);
    const header = ctx.req.headers?.authorization ?? '';
    const grant = await this.tokens.verifyAccessToken(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    const ended = await this.passwords.change(actor, grant?.sessionId ?? null, input.currentPassword, input.newPassword);
    for (const sessionId of ended) this.sessions.sessionEnded(sessionId);
    return toUserType(await this.users.findById(actor.id), { maskContact: false, isSelf: true });
  }

  @Mutation(() => PasswordResetCode, { description: "An organizer of the account's region or an admin issues a one-time reset code (24 h) to hand over." })
  async issuePasswordResetCode(@CurrentActor() actor: Actor, @Args() { userId }: ResetCodeArgs): Promise<PasswordResetCode> {
    const user = await this.users.findById(userId);
    this.permissions.require(actor, 'user.issueResetCode', user);
    const issued = await this.passwords.issueResetCode(actor, user);
    return Object.assign(new PasswordResetCode(), { ...issued, user: toUserType(user, { maskContact: true }) });
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with a one-time reset code; every session of the account ends.' })
  async resetPasswordWithCode(@Args('input') input: ResetPasswordInput, @Context() ctx: GraphQLContext): Promise<boolean> {
    const ended = await this.passwords.resetWithCode(input, clientAddress(ctx));
    for (const sessionId of ended) this.sessions.sessionEnded(sessionId);
    return true;
  }

  @Public()
  @Query(() => Boolean, { description: 'Whether a reset code can be requested by e-mail (the server has SMTP configured).' })
  passwordResetByEmailAvailable(): boolean {
    return this.passwords.emailResetAvailable;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mails a one-time reset code to the active account with this e-mail, if there is one. Always answers true (it reveals nothing); ' +
      'BAD_USER_INPUT EMAIL_RESET_UNAVAILABLE when the server has no SMTP.',
  })
  async requestPasswordResetEmail(@Args() { email }: ResetEmailArgs, @Context() ctx: GraphQLContext): Promise<boolean> {
    await this.passwords.requestResetByEmail(email, clientAddress(ctx), publicBaseUrl(this.config, ctx.req as never));
    return true;
  }
}
