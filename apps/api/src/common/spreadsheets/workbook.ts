import { Field, ObjectType } from '@nestjs/graphql';
import ExcelJS from 'exceljs';

/**
 * The one way the platform writes Excel (exceljs): every export — attendance lists, exhibitor lists, postings,
 * broadcast figures, mentor pool, a seeker's own data — makes its workbook, its table sheets and its file here,
 * so they all look alike (bold, frozen header row; the platform as creator) and carry the same MIME type.
 * The quota ledger adds the government head (title row, 填报单位, date) on top of these.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ObjectType('ExportFile', { description: 'A generated file, base64-encoded.' })
export class ExportFileType {
  @Field() filename: string;
  @Field() contentType: string;
  @Field() base64: string;
}

/** A column of a table sheet: its header text, the key of the row field it shows, and its width in characters. */
export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '乐业临沂';
  return wb;
}

/** A table sheet: a bold header row that stays in view when scrolling, then one row per record (keyed by the columns). */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], rows: Iterable<Record<string, unknown>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook as a file for a GraphQL answer (base64). */
export async function xlsxFile(wb: ExcelJS.Workbook, filename: string): Promise<ExportFileType> {
  return Object.assign(new ExportFileType(), { filename, contentType: XLSX_CONTENT_TYPE, base64: (await workbookBuffer(wb)).toString('base64') });
}
