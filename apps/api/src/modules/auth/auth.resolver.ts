import { Args, ArgsType, Context, Field, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Public } from '../../common/auth/decorators.js';
import { SessionEvents } from '../../common/auth/session-events.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { toUserType } from '../users/user.type.js';
import { AuthPayload } from './auth-payload.type.js';
import { AuthService, type Session } from './auth.service.js';
import { LoginInput, RegisterEmployerInput, RegisterSeekerInput } from './dtos/register.input.js';

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
}
