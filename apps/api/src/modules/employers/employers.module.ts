import './employer.loaders.js';
import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EmployersResolver } from './employers.resolver.js';
import { EmployersService } from './employers.service.js';

@Module({ imports: [NotificationsModule], providers: [EmployersService, EmployersResolver], exports: [EmployersService] })
export class EmployersModule {}
