import { Module } from '@nestjs/common';
import { JobsAdminResolver } from './jobs-admin.resolver.js';

@Module({ providers: [JobsAdminResolver] })
export class JobsAdminModule {}
