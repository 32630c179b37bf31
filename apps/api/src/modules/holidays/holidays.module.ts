import { Module } from '@nestjs/common';
import { HolidaysResolver } from './holidays.resolver.js';
import { HolidaysService } from './holidays.service.js';

@Module({ providers: [HolidaysService, HolidaysResolver], exports: [HolidaysService] })
export class HolidaysModule {}
