import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LINYI_REGIONS, MENTOR_INDUSTRY_LABELS, shanghaiToday } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { XLSX_CONTENT_TYPE } from '../../common/spreadsheets/workbook.js';
import { mentorWorkbook } from './mentor-import.js';
import { MentorsService } from './mentors.service.js';


/** The mentor library as Excel (the import's columns, so an export can be edited and imported back), and the empty template. */
@Controller('exports')
export class MentorsExportController {
  constructor(private readonly mentors: MentorsService) {}

  private send(res: Response, name: string, body: Buffer): void {
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }

  @Allow('mentor.import')
  @Get('mentors-template.xlsx')
  async template(@Res() res: Response): Promise<void> {
    this.send(res, 'mentors-template.xlsx', await mentorWorkbook([], { template: true, tags: await this.mentors.tags() }));
  }

  @Allow('mentor.library')
  @Get('mentors.xlsx')
  async library(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const tags = await this.mentors.tags(true);
    const tagName = new Map(tags.map((t) => [t.code, t.nameZh]));
    const regionName = new Map(LINYI_REGIONS.map((r) => [r.code, r.name]));
    const rows = (await this.mentors.exportRows(actor, staffRegionScope(actor))).map((m) => ({
      name: m.name,
      phone: m.phone,
      email: m.email,
      organisation: m.organisation,
      title: m.title,
      expertise: m.expertise.map((e) => tagName.get(e) ?? e).join('、'),
      industries: m.industries.map((i) => MENTOR_INDUSTRY_LABELS[i]?.zh ?? i).join('、'),
      region: regionName.get(m.regionCode) ?? m.regionCode,
      certifiedOn: m.certifiedOn,
      certificateNo: m.certificateNo,
      studio: m.studioName,
      capacity: m.capacity,
      bio: m.bio,
    }));
    this.send(res, `mentors-${shanghaiToday()}.xlsx`, await mentorWorkbook(rows, { template: false, tags }));
  }
}
