import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EVENT_TYPES, LINYI_REGIONS } from '@leye/domain';
import { Public } from '../../common/auth/decorators.js';
import { AppConfig } from '../../config/app-config.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { feedLanguage, feedName, renderCalendar } from './ical-calendar.js';
import { publicBaseUrl } from '../../common/http/public-base-url.js';
import { PrivateFeedEntries } from './private-feed-entries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** iCalendar feeds (RFC 5545): public, per event, and private per user behind a token. */
@Controller('calendar')
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly config: AppConfig,
    private readonly entries: PrivateFeedEntries,
  ) {}

  private send(res: Response, filename: string, body: string): void {
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-cache');
    res.send(body);
  }

  /** Public feeds are worded in Chinese unless `?lang=en`. */
  @Public()
  @Get('events.ics')
  async publicFeed(@Query('region') region: unknown, @Query('type') type: unknown, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    // A filter nobody can match is a mistake in the link: say so rather than serve an empty feed.
    if (region !== undefined && !LINYI_REGIONS.some((r) => r.code === region)) throw new BadRequestException('Unknown region');
    if (type !== undefined && !(EVENT_TYPES as readonly unknown[]).includes(type)) throw new BadRequestException('Unknown event type');
    const language = feedLanguage(lang);
    const events = await this.feeds.publicEvents({ regionCode: region as string | undefined, type: type as string | undefined });
    this.send(res, 'leye-linyi-events.ics', renderCalendar(feedName('publicName', language), events, publicBaseUrl(this.config, req), language));
  }

  @Public()
  @Get('events/:id.ics')
  async oneEvent(@Param('id') id: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = UUID.test(id) ? await this.feeds.publicEvent(id) : null;
    if (!event) throw new NotFoundException('No such published event');
    const language = feedLanguage(lang);
    this.send(res, `event-${id}.ics`, renderCalendar(event.title, [event], publicBaseUrl(this.config, req), language));
  }

  /** A private feed is worded in its owner's language (the account's locale). */
  @Public()
  @Get('feed/:token.ics')
  async privateFeed(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const owner = /^[A-Za-z0-9_-]{16,100}$/.test(token) ? await this.feeds.ownerOfToken(token) : null;
    if (!owner) throw new NotFoundException('Unknown calendar feed');
    const language = feedLanguage(owner.locale);
    const [events, entries] = await Promise.all([this.feeds.privateEvents(owner.userId), this.entries.entriesFor(owner.userId, language)]);
    this.send(res, 'my-leye-linyi.ics', renderCalendar(feedName('privateName', language), events, publicBaseUrl(this.config, req), language, entries));
  }
}
