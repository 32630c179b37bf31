import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { HolidaysService } from './holidays.service.js';
import { HolidayYearType, PeakSeasonArgs, PeakSeasonSettingsType, SetHolidaysArgs, SetPeakSeasonsArgs, YearArgs } from './holiday.types.js';

@Resolver()
export class HolidaysResolver {
  constructor(
    private readonly holidayService: HolidaysService,
    private readonly permissions: Permissions,
  ) {}

  @Public()
  @Query(() => HolidayYearType, { description: 'Statutory holidays and adjusted working days of a year.' })
  holidays(@Args() { year }: YearArgs): Promise<HolidayYearType> {
    return this.holidayService.year(year);
  }

  @Allow('holiday.manage')
  @Mutation(() => HolidayYearType, { description: "Replaces the admin-maintained entries of a year (e.g. the State Council's published schedule)." })
  setHolidays(@CurrentActor() actor: Actor, @Args() { year, days }: SetHolidaysArgs): Promise<HolidayYearType> {
    return this.holidayService.setYear(year, days, actor.id);
  }

  @Allow('peakSeason.read')
  @Query(() => PeakSeasonSettingsType)
  peakSeasons(@Args() { year, regionCode }: PeakSeasonArgs): Promise<PeakSeasonSettingsType> {
    return this.holidayService.peakSeasons(year, regionCode);
  }

  @Mutation(() => PeakSeasonSettingsType, { description: 'Marks the peak hiring season (用工旺季) of a year for a region.' })
  setPeakSeasons(@CurrentActor() actor: Actor, @Args() { year, regionCode, ranges }: SetPeakSeasonsArgs): Promise<PeakSeasonSettingsType> {
    this.permissions.require(actor, 'peakSeason.manage', { regionCode });
    return this.holidayService.setPeakSeasons(year, regionCode, ranges);
  }
}
