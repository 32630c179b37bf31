import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CREDIT_CODE_MESSAGES, checkCreditCode, normalizeLogin } from '@leye/domain';
import { badInput, unauthenticated } from '../../common/errors/app-error.js';
import { EmployersService } from '../employers/employers.service.js';
import { RegionsService } from '../regions/regions.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { LoginInput, RegisterEmployerInput, RegisterSeekerInput } from './dtos/register.input.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { decoyPasswordHash, verifyPassword } from '../../common/security/password-hasher.js';
import { RegistrationThrottleService } from './registration-throttle.service.js';
import { TokenService, type IssuedTokens } from './token.service.js';

export interface Session extends IssuedTokens {
  user: UserEntity;
}

const WRONG_CREDENTIALS = { reason: 'INVALID_CREDENTIALS', message: 'Wrong account or password' };

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly employers: EmployersService,
    private readonly regions: RegionsService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly registrations: RegistrationThrottleService,
  ) {}

  /** `address`: the client's IP (Express `req.ip`), for the per-address registration limit. */
  async registerSeeker(input: RegisterSeekerInput, address: string): Promise<Session> {
    if (input.regionCode && !(await this.regions.exists(input.regionCode))) {
      throw badInput({ reason: 'UNKNOWN_REGION', message: 'Choose the region you live in' }, { regionCode: 'UNKNOWN_REGION' });
    }
    await this.registrations.reserve(address);
    const user = await this.users.createAccount({ ...input, role: 'SEEKER', regionCode: input.regionCode ?? null });
    return { user, ...(await this.tokens.issue(user)) };
  }

  /** Creates the organisation (PENDING) and its first member in one transaction (which records `employer.registered`). */
  async registerEmployer(input: RegisterEmployerInput, address: string): Promise<Session> {
    const code = checkCreditCode(input.creditCode);
    if (!code.valid) {
      const reason = `CREDIT_CODE_${code.problem!}`;
      throw badInput({ reason, message: CREDIT_CODE_MESSAGES[code.problem!].en }, { creditCode: reason });
    }
    if (!(await this.regions.exists(input.regionCode))) {
      throw badInput({ reason: 'UNKNOWN_REGION', message: 'Choose the region the employer is in' }, { regionCode: 'UNKNOWN_REGION' });
    }
    await this.registrations.reserve(address);
    const { user } = await this.ds.transaction(async (manager) => {
      const employer = await this.employers.createPending(manager, {
        name: input.employerName,
        creditCode: code.normalized,
        regionCode: input.regionCode,
        contactName: input.displayName.trim(),
        contactPhone: input.phone?.trim() || null,
      });
      const user = await this.users.createAccount({ ...input, role: 'EMPLOYER', regionCode: input.regionCode, employerId: employer.id }, manager);
      return { employer, user };
    });
    return { user, ...(await this.tokens.issue(user)) };
  }

  /**
   * Same answer for an unknown account and a wrong password. The attempt is reserved against the
   * account (its id, so e-mail and phone share one count) and the client address before the password
   * is checked; see LoginThrottleService for the rule.
   */
  async login(input: LoginInput, address: string): Promise<Session> {
    const login = normalizeLogin(input.login);
    const user = await this.users.findForLogin(login);
    const attempt = { account: user ? `user:${user.id}` : `name:${login}`, address };
    await this.throttle.reserve(attempt);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
    if (!user || !ok) throw unauthenticated(WRONG_CREDENTIALS);
    await this.throttle.succeeded(attempt);
    const { passwordHash: _hidden, ...account } = user;
    return { user: account as UserEntity, ...(await this.tokens.issue(user)) };
  }

  async refresh(refreshToken: string): Promise<Session> {
    const { userId, tokens } = await this.tokens.rotate(refreshToken);
    return { user: await this.users.findById(userId), ...tokens };
  }

  /** Revokes the session; answers its id (null when the token is unknown) so its sockets can be ended. */
  logout(refreshToken: string): Promise<string | null> {
    return this.tokens.revokeSessionOf(refreshToken);
  }
}
