import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EMAIL_PATTERN, PASSWORD_MESSAGES, checkPasswordStrength, type Role } from '@leye/domain';
import { badInput, conflict, notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { hashPassword } from '../../common/security/password-hasher.js';
import { UserEntity } from './user.entity.js';

export interface NewAccount {
  role: Role;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
  regionCode?: string | null;
  employerId?: string | null;
  /** Staff-created accounts: the owner replaces the initial password at first sign-in. */
  mustChangePassword?: boolean;
}

const UNIQUE_FIELD: Record<string, { field: string; reason: string; message: string }> = {
  app_user_email_key: { field: 'email', reason: 'EMAIL_TAKEN', message: 'This e-mail is already registered' },
  app_user_phone_key: { field: 'phone', reason: 'PHONE_TAKEN', message: 'This mobile number is already registered' },
};

@Injectable()
export class UsersService {
  constructor(private readonly ds: DataSource) {}

  /** Validates and stores a new account; the unique indexes decide races between equal sign-ups. */
  async createAccount(input: NewAccount, manager: EntityManager = this.ds.manager): Promise<UserEntity> {
    const email = input.email?.trim().toLowerCase() || null;
    const phone = input.phone?.trim() || null;
    if (!email && !phone) {
      throw badInput({ reason: 'EMAIL_OR_PHONE_REQUIRED', message: 'Give an e-mail address or a mobile number' }, { email: 'EMAIL_OR_PHONE_REQUIRED' });
    }
    if (email && !EMAIL_PATTERN.test(email)) throw badInput({ reason: 'INVALID_EMAIL', message: 'Not a valid e-mail address' }, { email: 'INVALID_EMAIL' });
    const weakness = checkPasswordStrength(input.password);
    if (weakness) {
      throw badInput({ reason: `PASSWORD_${weakness}`, message: PASSWORD_MESSAGES[weakness].en }, { password: `PASSWORD_${weakness}` });
    }
    const passwordHash = await hashPassword(input.password);
    try {
      const rows: UserEntity[] = await manager.query(
        `INSERT INTO app_user (role, display_name, email, phone, password_hash, region_code, employer_id, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, role, display_name AS "displayName", email, phone, region_code AS "regionCode",
                   employer_id AS "employerId", locale, created_at AS "createdAt", must_change_password AS "mustChangePassword"`,
        [input.role, input.displayName.trim(), email, phone, passwordHash, input.regionCode ?? null, input.employerId ?? null, input.mustChangePassword ?? false],
      );
      return rows[0]!;
    } catch (error) {
      const constraint = uniqueViolation(error);
      const known = constraint ? UNIQUE_FIELD[constraint] : undefined;
      if (known) throw conflict({ reason: known.reason, message: known.message }, { fields: { [known.field]: known.reason } });
      throw error;
    }
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /** For login: the account with its password hash, by normalised e-mail or phone. */
  async findForLogin(login: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    const column = login.includes('@') ? 'email' : 'phone';
    return (await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(`u.${column} = :login AND u.disabled_at IS NULL`, { login })
      .getOne()) as (UserEntity & { passwordHash: string }) | null;
  }

  async updateProfile(id: string, patch: { displayName?: string; locale?: string }): Promise<UserEntity> {
    const set: Partial<UserEntity> = {};
    if (patch.displayName !== undefined) set.displayName = patch.displayName.trim();
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (Object.keys(set).length) await this.ds.getRepository(UserEntity).update({ id }, set);
    return this.findById(id);
  }
}
