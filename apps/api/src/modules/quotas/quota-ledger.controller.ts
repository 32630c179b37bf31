import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { XLSX_CONTENT_TYPE } from '../../common/spreadsheets/workbook.js';
import { QuotaLedgerService } from './quota-ledger.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ledger download link (bearer token): staff only (anonymous 401, others 403), then whoever asked for
 * the export (an organizer asks for regions it covers only), or an admin; anyone else 404.
 */
@Controller('exports/ledgers')
export class QuotaLedgerController {
  constructor(
    private readonly ledgers: QuotaLedgerService,
    private readonly permissions: Permissions,
  ) {}

  @Allow('quota.listExports')
  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundException();
    const exp = await this.ledgers.get(id).catch(() => null);
    if (!exp || !this.permissions.can(actor, 'quota.readExport', exp)) throw new NotFoundException();
    const file = await this.ledgers.file(id);
    if (!file) throw new NotFoundException();
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.content);
  }
}
