import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenVerifier } from '../../common/auth/access-token-verifier.js';
import { SessionStore } from '../../common/auth/session-store.js';
import { AppConfig } from '../../config/app-config.js';
import { TokenService } from './token.service.js';

/** loadRuntimeConfig (or NODE_ENV=test) provides the secret; starting without one is a wiring mistake. */
function requireSecret(config: AppConfig): string {
  if (!config.jwtSecret) throw new Error('No JWT secret: load the configuration with loadRuntimeConfig()');
  return config.jwtSecret;
}

/** Global: the core's auth guard and the socket gateway verify tokens through AccessTokenVerifier. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // One key object for the process: jsonwebtoken would otherwise turn the string into a key on every request.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(requireSecret(config), 'utf8')), signOptions: { algorithm: 'HS256', issuer: 'leye-linyi' }, verifyOptions: { algorithms: ['HS256'], issuer: 'leye-linyi' } }),
    }),
  ],
  providers: [TokenService, { provide: AccessTokenVerifier, useExisting: TokenService }, { provide: SessionStore, useExisting: TokenService }],
  exports: [TokenService, AccessTokenVerifier, SessionStore],
})
export class TokensModule {}
