import { BadRequestException, Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LINYI_REGIONS, OCCUPATION_CODES, shanghaiToday } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { forbidden } from '../../common/errors/app-error.js';
import { publicBaseUrl } from '../../common/http/public-base-url.js';
import { coversRegion, staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { addTableSheet, newWorkbook, workbookBuffer, XLSX_CONTENT_TYPE } from '../../common/spreadsheets/workbook.js';
import { AppConfig } from '../../config/app-config.js';
import { BOARD_COLUMNS, cellText, toBoardRecord, toCsv, type BoardRecord } from './posting-board-record.js';
import { PostingListsService } from './posting-lists.service.js';
import { PostingsService } from './postings.service.js';

const EXPORT_MAX = 5000;
const FEED_MAX = 500;

/**
 * Approved postings for the provincial job boards (clause 七 "1+1+N"): CSV and Excel exports for organizers
 * (bearer token, their regions), and a public JSON feed. Fields: docs/postings.md.
 */
@Controller()
export class PostingsExportController {
  constructor(
    private readonly postings: PostingsService,
    private readonly lists: PostingListsService,
    private readonly config: AppConfig,
  ) {}

  private async records(req: Request, q: { employerRegionScope?: string[] | null; regionCode?: string; occupationCode?: string; urgentOnly?: boolean; take: number; skip: number }): Promise<{ records: BoardRecord[]; total: number }> {
    const page = await this.postings.publicList(q);
    const urgent = new Set((await this.lists.urgentOccupations()).map((u) => u.occupationCode));
    const base = publicBaseUrl(this.config, req);
    return { records: page.items.map((p) => toBoardRecord(p, base, urgent)), total: page.total };
  }

  /** The organizer's export scope: employers in the given region (which it must cover) or in all it covers. */
  private scope(actor: Actor, region: unknown): string[] | null {
    if (region === undefined || region === '') return staffRegionScope(actor);
    if (typeof region !== 'string' || !LINYI_REGIONS.some((r) => r.code === region)) throw new BadRequestException('Unknown region');
    if (!coversRegion(actor, region)) throw forbidden();
    return [region];
  }

  @Allow('posting.export')
  @Get('exports/postings.csv')
  async csv(@CurrentActor() actor: Actor, @Query('region') region: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { records } = await this.records(req, { employerRegionScope: this.scope(actor, region), take: EXPORT_MAX, skip: 0 });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="postings-${shanghaiToday()}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(toCsv(records));
  }

  @Allow('posting.export')
  @Get('exports/postings.xlsx')
  async xlsx(@CurrentActor() actor: Actor, @Query('region') region: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { records } = await this.records(req, { employerRegionScope: this.scope(actor, region), take: EXPORT_MAX, skip: 0 });
    const workbook = newWorkbook();
    addTableSheet(
      workbook,
      '岗位',
      BOARD_COLUMNS,
      records.map((r) => Object.fromEntries(BOARD_COLUMNS.map((c) => [c.key, typeof r[c.key] === 'number' ? r[c.key] : cellText(r[c.key])]))),
    );
    const buffer = await workbookBuffer(workbook);
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="postings-${shanghaiToday()}.xlsx"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(buffer);
  }

  /** Public JSON feed of approved, valid postings: `?region=&occupation=&urgent=1&limit=&offset=`. */
  @Public()
  @Get('feeds/postings.json')
  async feed(
    @Query('region') region: unknown,
    @Query('occupation') occupation: unknown,
    @Query('urgent') urgent: unknown,
    @Query('limit') limit: unknown,
    @Query('offset') offset: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (region !== undefined && !LINYI_REGIONS.some((r) => r.code === region)) throw new BadRequestException('Unknown region');
    if (occupation !== undefined && !OCCUPATION_CODES.includes(occupation as string)) throw new BadRequestException('Unknown occupation');
    const take = limit === undefined ? 100 : Number(limit);
    const skip = offset === undefined ? 0 : Number(offset);
    if (!Number.isInteger(take) || take < 1 || take > FEED_MAX) throw new BadRequestException(`limit must be 1–${FEED_MAX}`);
    if (!Number.isInteger(skip) || skip < 0 || skip > 1_000_000) throw new BadRequestException('offset must be a whole number ≥ 0');
    const { records, total } = await this.records(req, {
      regionCode: region as string | undefined,
      occupationCode: occupation as string | undefined,
      urgentOnly: urgent === '1' || urgent === 'true',
      take,
      skip,
    });
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({ source: '乐业临沂 Leye Linyi', generatedAt: new Date().toISOString(), total, offset: skip, limit: take, postings: records });
  }
}
