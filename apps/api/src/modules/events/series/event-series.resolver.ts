import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../../common/auth/actor.js';
import { CurrentActor } from '../../../common/auth/decorators.js';
import type { GraphQLContext } from '../../../common/graphql/loaders.js';
import { Allow } from '../../../common/permissions/allow.decorator.js';
import { Permissions } from '../../../common/permissions/permissions.service.js';
import { RegionType, toRegionType } from '../../regions/region.type.js';
import { CreateEventSeriesInput, EventIdArgs, PreviewSeriesArgs } from '../dtos/event.inputs.js';
import type { EventSeriesEntity } from './event-series.entity.js';
import { EventSeriesService } from './event-series.service.js';
import { ANOTHER_EVENT } from '../event-checks.service.js';
import { EventReferences } from '../event-references.js';
import { EventSeriesType, OccurrencePreviewType, SeriesPreviewType } from '../event.types.js';

function toSeriesType(s: EventSeriesEntity, ruleText: string): EventSeriesType {
  return Object.assign(new EventSeriesType(), {
    id: s.id, title: s.title, type: s.type, subtype: s.subtype, patternKind: s.patternKind, rrule: s.rrule, ruleText,
    cadence: s.cadence, startDate: s.startDate, untilDate: s.untilDate, startTime: s.startTime.slice(0, 5),
    durationMinutes: s.durationMinutes, holidayPolicy: s.holidayPolicy, materializedUntil: s.materializedUntil, regionCode: s.regionCode,
  });
}

@Resolver(() => EventSeriesType)
export class EventSeriesResolver {
  constructor(
    private readonly seriesService: EventSeriesService,
    private readonly permissions: Permissions,
    private readonly references: EventReferences,
  ) {}

  @Query(() => EventSeriesType)
  async eventSeries(@CurrentActor() actor: Actor, @Args() { id }: EventIdArgs): Promise<EventSeriesType> {
    const s = await this.seriesService.findById(id);
    this.permissions.require(actor, 'series.read', s);
    return toSeriesType(s, this.seriesService.ruleText(s, actor.locale));
  }

  @Allow('series.preview')
  @Query(() => SeriesPreviewType, { description: 'Every date a pattern would produce, with holiday adjustments and venue clashes. Saves nothing.' })
  async previewEventSeries(@CurrentActor() actor: Actor, @Args() { pattern, regionCode, venueId }: PreviewSeriesArgs): Promise<SeriesPreviewType> {
    if (regionCode) this.permissions.require(actor, 'series.create', { regionCode });
    const preview = await this.seriesService.preview(pattern, regionCode ?? actor.regionCode ?? undefined, venueId);
    return Object.assign(new SeriesPreviewType(), {
      ...preview,
      occurrences: preview.occurrences.map((o) =>
        Object.assign(new OccurrencePreviewType(), {
          ...o,
          holidayName: o.holidayName ?? null,
          reason: o.reason ?? null,
          mergedInto: o.mergedInto ?? null,
          // Another region's draft holding the venue is named only to those who may read it.
          venueConflict: o.venueConflict && (this.permissions.can(actor, 'event.read', o.venueConflict) ? o.venueConflict.title : ANOTHER_EVENT),
        }),
      ),
    });
  }

  @Mutation(() => EventSeriesType, { description: 'Saves a series and materialises its occurrences up to the horizon, all or nothing.' })
  async createEventSeries(@CurrentActor() actor: Actor, @Args('input') input: CreateEventSeriesInput): Promise<EventSeriesType> {
    this.permissions.require(actor, 'series.create', input);
    await this.references.requireUsable(actor, { venueId: input.isOnline ? null : input.venueId, delegationEmployerIds: input.details?.delegationEmployerIds });
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
