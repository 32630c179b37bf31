import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { HolidaysService } from './holidays.service.js';
import { HolidayYearType, PeakSeasonArgs, PeakSeasonSettingsType, SetHolidaysArgs, SetPeakSeasonsArgs, YearArgs } from './holiday.types.js';

@Resolver()
export class HolidaysResolver {
  constructor(private readonly holidayService: HolidaysService) {}

  @Public()
  @Query(() => HolidayYearType, { description: 'Statutory holidays and adjusted working days of a year.' })
  holidays(@Args() { year }: YearArgs): Promise<HolidayYearType> {
    return this.holidayService.year(year);
  }

  @Roles('ADMIN')
  @Mutation(() => HolidayYearType, { description: "Replaces the admin-maintained entries of a year (e.g. the State Council's published schedule)." })
  setHolidays(@CurrentActor() actor: Actor, @Args() { year, days }: SetHolidaysArgs): Promise<HolidayYearType> {
    return this.holidayService.setYear(year, days, actor.id);
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Query(() => PeakSeasonSettingsType)
  peakSeasons(@Args() { year, regionCode }: PeakSeasonArgs): Promise<PeakSeasonSettingsType> {
    return this.holidayService.peakSeasons(year, regionCode);
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => PeakSeasonSettingsType, { description: 'Marks the peak hiring season (用工旺季) of a year for a region.' })
  setPeakSeasons(@CurrentActor() actor: Actor, @Args() { year, regionCode, ranges }: SetPeakSeasonsArgs): Promise<PeakSeasonSettingsType> {
    AccessPolicy.assert(AccessPolicy.canManageRegion(actor, regionCode), '只能设置本辖区的旺季 / You can only set peak seasons for your region');
    return this.holidayService.setPeakSeasons(year, regionCode, ranges);
  }
}
