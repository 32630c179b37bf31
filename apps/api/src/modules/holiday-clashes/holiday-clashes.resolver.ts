import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { HolidayClashesService, type HolidayClash } from './holiday-clashes.service.js';
import { HolidayClashActionEnum, HolidayClashesArgs, HolidayClashType, ResolveHolidayClashArgs, type HolidayClashAction } from './holiday-clash.types.js';

const toType = (c: HolidayClash): HolidayClashType => {
  const { createdBy: _createdBy, ...fields } = c;
  return Object.assign(new HolidayClashType(), fields);
};

@Resolver()
export class HolidayClashesResolver {
  constructor(
    private readonly clashes: HolidayClashesService,
    private readonly permissions: Permissions,
  ) {}

  @Allow('holidayClash.list')
  @Query(() => [HolidayClashType], { description: 'Occurrences in the regions the caller covers that now fall on a holiday an admin entered after they were planned.' })
  async eventsOnHolidays(@CurrentActor() actor: Actor, @Args() { year }: HolidayClashesArgs): Promise<HolidayClashType[]> {
    const all = await this.clashes.list({ year });
    return all.filter((c) => this.permissions.can(actor, 'holidayClash.resolve', c)).map(toType);
  }

  @Mutation(() => HolidayClashActionEnum, { description: "Applies the series' holiday policy to one occurrence on a holiday; returns what was done." })
  async resolveHolidayClash(@CurrentActor() actor: Actor, @Args() { eventId, cancelReason }: ResolveHolidayClashArgs): Promise<HolidayClashAction> {
    const clash = await this.clashes.clashOf(eventId);
    this.permissions.require(actor, 'holidayClash.resolve', clash);
    return this.clashes.resolve(actor, clash, cancelReason);
  }
}
