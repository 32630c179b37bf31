import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { PersonalDataCipher } from '../attendance/personal-data.js';
import { TokensModule } from '../auth/tokens.module.js';
import { PersonalDataRekeyJob } from './personal-data-rekey.job.js';
import { privacyRules } from './privacy.permissions.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

/** Personal data rights and key rotation (docs/privacy.md). */
@Module({
  imports: [TokensModule],
  providers: [PersonalDataCipher, PrivacyService, PrivacyResolver, PersonalDataRekeyJob],
})
export class PrivacyModule {
  constructor(registry: PermissionRegistry) {
    registry.register(privacyRules);
  }
}
