import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SHORT_CODE_PATTERN } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { XLSX_CONTENT_TYPE } from '../../common/spreadsheets/workbook.js';
import { AppConfig } from '../../config/app-config.js';
import { DataSource } from 'typeorm';
import { BroadcastLiveService } from './broadcast-live.service.js';
import { broadcastStatsWorkbook } from './broadcast-export.js';
import { BroadcastStatsService } from './broadcast-stats.service.js';
import { BroadcastsService } from './broadcasts.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Broadcast REST routes (docs/livestream.md):
 *  - `GET /l/:code` — a card's short link / QR code: redirects to the viewer page with the card (the page
 *    credits the broadcast and card on apply, and records the impression with `via: LINK`).
 *  - `GET /live-api/broadcasts/:id/autopilot` — for a digital-human / TTS system: the current and next card and their
 *    scripts; `Authorization: Bearer <stream key>` (the ingest key hosts see).
 *  - `GET /exports/broadcasts/:id/stats.xlsx` — the after-broadcast figures (hosts, staff of its region).
 */
@Controller()
export class BroadcastsController {
  constructor(
    private readonly ds: DataSource,
    private readonly broadcasts: BroadcastsService,
    private readonly live: BroadcastLiveService,
    private readonly stats: BroadcastStatsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('l/:code')
  async shortLink(@Param('code') code: string, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const rows: Array<{ id: string; broadcastId: string }> = SHORT_CODE_PATTERN.test(code)
      ? await this.ds.query(`SELECT id, broadcast_id AS "broadcastId" FROM broadcast_card WHERE short_code = $1`, [code])
      : [];
    if (!rows[0]) {
      res.redirect(302, '/live');
      return;
    }
    res.redirect(302, `/live/${rows[0].broadcastId}?card=${rows[0].id}&via=link`);
  }

  @Public()
  @Get('live-api/broadcasts/:id/autopilot')
  async autopilot(@Param('id') id: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const row = UUID.test(id) ? await this.broadcasts.find(id) : null;
    if (!row || !key || !sameSecret(key, row.ingestKey)) {
      res.status(row ? 401 : 404).json({ code: row ? 'UNAUTHENTICATED' : 'NOT_FOUND' });
      return;
    }
    const state = await this.live.autopilotState(row.id);
    res.json({ ...state, status: row.status, title: row.title });
  }

  /**
   * MediaMTX external authentication (`authMethod: http`, docs/livestream.md): publishing to path `<broadcast id>`
   * needs its stream key (`?key=` in the RTMP stream key or the WHIP URL, or as password); reading (HLS, WebRTC)
   * is public like the viewer page; the media server's API, metrics and profiler are refused.
   */
  @Public()
  @Post('live-api/media-auth')
  @HttpCode(200)
  async mediaAuth(@Body() body: { action?: string; path?: string; query?: string; password?: string }, @Res() res: Response): Promise<void> {
    const action = String(body?.action ?? '');
    if (action === 'read' || action === 'playback') {
      res.status(200).json({ ok: true });
      return;
    }
    if (action !== 'publish') {
      res.status(401).json({ ok: false });
      return;
    }
    const path = String(body?.path ?? '');
    const key = new URLSearchParams(String(body?.query ?? '')).get('key') ?? String(body?.password ?? '');
    const row = UUID.test(path) ? await this.broadcasts.find(path) : null;
    const ok = !!row && row.status !== 'ENDED' && !!key && sameSecret(key, row.ingestKey);
    res.status(ok ? 200 : 401).json({ ok });
  }

  @Get('exports/broadcasts/:id/stats.xlsx')
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!UUID.test(id)) {
      res.status(404).json({ code: 'NOT_FOUND' });
      return;
    }
    const row = await this.broadcasts.requireFor(actor, id, 'broadcast.stats');
    const stats = await this.stats.stats(row);
    const funnel = await this.stats.funnel(row.id);
    const body = await broadcastStatsWorkbook(row, stats, funnel);
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="broadcast-${row.id.slice(0, 8)}.xlsx"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
    void this.config;
  }
}
