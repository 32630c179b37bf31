import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EVENT_TYPES, LINYI_REGIONS } from '@leye/domain';
import { Public } from '../../common/auth/decorators.js';
import { AppConfig } from '../../config/app-config.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { renderCalendar } from './ical-calendar.js';

export function baseUrlOf(config: AppConfig, req: { protocol?: string; headers: Record<string, string | string[] | undefined> }): string {
  if (config.publicUrl) return config.publicUrl;
  return `${req.protocol ?? 'http'}://${String(req.headers['x-forwarded-host'] ?? req.headers.host ?? `localhost:${config.port}`)}`;
}

/** iCalendar feeds (RFC 5545): public, per event, and private per user behind a token. */
@Controller('calendar')
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly config: AppConfig,
  ) {}

  private send(res: Response, filename: string, body: string): void {
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-cache');
    res.send(body);
  }

  @Public()
  @Get('events.ics')
  async publicFeed(@Query('region') region: string | undefined, @Query('type') type: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Unknown filter values are ignored rather than leaking an empty feed silently: they 404.
    if (region && !LINYI_REGIONS.some((r) => r.code === region)) throw new NotFoundException('Unknown region');
    if (type && !(EVENT_TYPES as readonly string[]).includes(type)) throw new NotFoundException('Unknown event type');
    const events = await this.feeds.publicEvents({ regionCode: region, type });
    this.send(res, 'leye-linyi-events.ics', renderCalendar('乐业临沂 活动日历', events, baseUrlOf(this.config, req)));
  }

  @Public()
  @Get('events/:id.ics')
  async oneEvent(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = /^[0-9a-f-]{36}$/i.test(id) ? await this.feeds.publicEvent(id) : null;
    if (!event) throw new NotFoundException('No such published event');
    this.send(res, `event-${id}.ics`, renderCalendar(event.title, [event], baseUrlOf(this.config, req)));
  }

  @Public()
  @Get('feed/:token.ics')
  async privateFeed(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const userId = await this.feeds.userByToken(token);
    if (!userId) throw new NotFoundException('Unknown calendar feed');
    this.send(res, 'my-leye-linyi.ics', renderCalendar('乐业临沂 我的日历', await this.feeds.privateEvents(userId), baseUrlOf(this.config, req)));
  }
}
