import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { RegistrationThrottleService } from './registration-throttle.service.js';
import { SessionPruningJob } from './session-pruning.job.js';
import { TokensModule } from './tokens.module.js';
import { AppConfig } from '../../config/app-config.js';
import { RESET_MAILER, createResetMailer } from './reset-mailer.js';

@Module({
  imports: [TokensModule, UsersModule, EmployersModule, RegionsModule],
  providers: [
    { provide: RESET_MAILER, useFactory: (config: AppConfig) => createResetMailer(config), inject: [AppConfig] },
    AuthService, PasswordService, LoginThrottleService, RegistrationThrottleService, AuthResolver, SessionPruningJob],
})
export class AuthModule {}
