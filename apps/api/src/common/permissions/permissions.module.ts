import { Global, Module } from '@nestjs/common';
import { PermissionRegistry } from './permission-registry.js';
import { Permissions } from './permissions.service.js';

/** Global: every feature module injects PermissionRegistry to register its rules, and Permissions to check them. */
@Global()
@Module({ providers: [PermissionRegistry, Permissions], exports: [PermissionRegistry, Permissions] })
export class PermissionsModule {}
