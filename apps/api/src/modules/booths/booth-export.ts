import { Injectable } from '@nestjs/common';
import { maskPhone } from '@leye/domain';
import { addTableSheet, newWorkbook, xlsxFile, type ExportFileType } from '../../common/spreadsheets/workbook.js';
import type { FairRow } from './booths.service.js';

/** The exhibitor list as an Excel workbook (Chinese headers: organizers print it for the venue). Phones masked. */
@Injectable()
export class BoothExport {
  async exhibitors(
    fair: FairRow,
    rows: Array<{ employerName: string; boothCodes: string[]; contactName: string | null; contactPhone: string | null }>,
  ): Promise<ExportFileType> {
    const wb = newWorkbook();
    addTableSheet(
      wb,
      '参展单位',
      [
        { header: '序号', key: 'n', width: 6 },
        { header: fair.places != null ? '名额' : '展位号', key: 'booths', width: 14 },
        { header: '单位名称', key: 'name', width: 40 },
        { header: '联系人', key: 'contact', width: 12 },
        { header: '联系电话', key: 'phone', width: 16 },
      ],
      rows.map((r, i) => ({ n: i + 1, booths: r.boothCodes.join('、') || '—', name: r.employerName, contact: r.contactName ?? '', phone: maskPhone(r.contactPhone) ?? '' })),
    );
    const day = new Date(fair.startsAt).toISOString().slice(0, 10);
    return xlsxFile(wb, `exhibitors-${day}-${fair.id.slice(0, 8)}.xlsx`);
  }
}
