import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { maskPhone } from '@leye/domain';
import type { FairRow } from './booths.service.js';

/** The exhibitor list as an Excel workbook (Chinese headers: organizers print it for the venue). Phones masked. */
@Injectable()
export class BoothExport {
  async exhibitors(
    fair: FairRow,
    rows: Array<{ employerName: string; boothCodes: string[]; contactName: string | null; contactPhone: string | null }>,
  ): Promise<{ filename: string; contentType: string; base64: string }> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Leye Linyi';
    const ws = wb.addWorksheet('参展单位');
    ws.columns = [
      { header: '序号', key: 'n', width: 6 },
      { header: fair.places != null ? '名额' : '展位号', key: 'booths', width: 14 },
      { header: '单位名称', key: 'name', width: 40 },
      { header: '联系人', key: 'contact', width: 12 },
      { header: '联系电话', key: 'phone', width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    rows.forEach((r, i) =>
      ws.addRow({ n: i + 1, booths: r.boothCodes.join('、') || '—', name: r.employerName, contact: r.contactName ?? '', phone: maskPhone(r.contactPhone) ?? '' }),
    );
    const buffer = await wb.xlsx.writeBuffer();
    const day = new Date(fair.startsAt).toISOString().slice(0, 10);
    return {
      filename: `exhibitors-${day}-${fair.id.slice(0, 8)}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
    };
  }
}
