import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { CreateEventSeriesInput, EventIdArgs, PreviewSeriesArgs } from './dtos/event.inputs.js';
import type { EventSeriesEntity } from './event-series.entity.js';
import { EventSeriesService } from './event-series.service.js';
import { EventSeriesType, OccurrencePreviewType, SeriesPreviewType } from './event.types.js';

function toSeriesType(s: EventSeriesEntity, ruleText: string): EventSeriesType {
  return Object.assign(new EventSeriesType(), {
    id: s.id, title: s.title, type: s.type, subtype: s.subtype, patternKind: s.patternKind, rrule: s.rrule, ruleText,
    cadence: s.cadence, startDate: s.startDate, untilDate: s.untilDate, startTime: s.startTime.slice(0, 5),
    durationMinutes: s.durationMinutes, holidayPolicy: s.holidayPolicy, materializedUntil: s.materializedUntil, regionCode: s.regionCode,
  });
}

@Resolver(() => EventSeriesType)
export class EventSeriesResolver {
  constructor(private readonly seriesService: EventSeriesService) {}

  @Roles('ORGANIZER', 'ADMIN')
  @Query(() => EventSeriesType)
  async eventSeries(@CurrentActor() actor: Actor, @Args() { id }: EventIdArgs): Promise<EventSeriesType> {
    const s = await this.seriesService.findById(id);
    AccessPolicy.assert(AccessPolicy.canManageRegion(actor, s.regionCode));
    return toSeriesType(s, this.seriesService.ruleText(s, actor.locale));
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Query(() => SeriesPreviewType, { description: 'Every date a pattern would produce, with holiday adjustments and venue clashes. Saves nothing.' })
  async previewEventSeries(@CurrentActor() actor: Actor, @Args() { pattern, regionCode, venueId }: PreviewSeriesArgs): Promise<SeriesPreviewType> {
    if (regionCode) AccessPolicy.assert(AccessPolicy.canManageRegion(actor, regionCode));
    const preview = await this.seriesService.preview(pattern, regionCode ?? actor.regionCode ?? undefined, venueId);
    return Object.assign(new SeriesPreviewType(), {
      ...preview,
      occurrences: preview.occurrences.map((o) =>
        Object.assign(new OccurrencePreviewType(), { ...o, holidayName: o.holidayName ?? null }),
      ),
    });
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventSeriesType, { description: 'Saves a series and materialises its occurrences up to the horizon, all or nothing.' })
  async createEventSeries(@CurrentActor() actor: Actor, @Args('input') input: CreateEventSeriesInput): Promise<EventSeriesType> {
    AccessPolicy.assert(AccessPolicy.canManageRegion(actor, input.regionCode), '只能在本辖区创建活动 / You can only create events in your region');
    const s = await this.seriesService.create(actor, input);
    return toSeriesType(s, this.seriesService.ruleText(s, actor.locale));
  }

  @ResolveField(() => RegionType)
  async region(@Parent() s: EventSeriesType, @Context() ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(s.regionCode))!);
  }

  @ResolveField(() => Int)
  occurrenceCount(@Parent() s: EventSeriesType, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.seriesOccurrenceCount.load(s.id);
  }
}
