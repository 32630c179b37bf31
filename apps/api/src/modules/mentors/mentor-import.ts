import ExcelJS from 'exceljs';

import {
  CERTIFICATE_NO_PATTERN,
  LINYI_REGIONS,
  MENTOR_INDUSTRIES,
  MENTOR_INDUSTRY_LABELS,
  MENTOR_LIMITS,
  MOBILE_PHONE_PATTERN,
  isCalendarDate,
  shanghaiToday,
  type MentorIndustry,
} from '@leye/domain';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../common/spreadsheets/workbook.js';
import { MentorErrors } from './mentor.exception.js';
import type { TagRow } from './mentors.service.js';

/**
 * The mentor spreadsheet: one sheet, a header row, one mentor per row. The same columns serve the
 * template, the import and the library export. Lists (expertise, industries) are separated by 、 , ; or /
 * and accept the Chinese name or the code; the region accepts its name (兰山区) or code (371302).
 */
export const MENTOR_SHEET_COLUMNS = [
  { key: 'name', header: '姓名*', width: 10 },
  { key: 'phone', header: '手机号*', width: 14 },
  { key: 'email', header: '邮箱', width: 22 },
  { key: 'organisation', header: '工作单位', width: 24 },
  { key: 'title', header: '职务职称', width: 16 },
  { key: 'expertise', header: '专长领域*', width: 24 },
  { key: 'industries', header: '熟悉行业', width: 20 },
  { key: 'region', header: '所属区县*', width: 12 },
  { key: 'certifiedOn', header: '认定日期', width: 12 },
  { key: 'certificateNo', header: '证书编号', width: 18 },
  { key: 'studio', header: '导师工作室', width: 20 },
  { key: 'capacity', header: '可带项目数', width: 10 },
  { key: 'bio', header: '个人简介', width: 40 },
] as const;
export type MentorSheetKey = (typeof MENTOR_SHEET_COLUMNS)[number]['key'];
const REQUIRED: MentorSheetKey[] = ['name', 'phone', 'expertise', 'region'];
export const MAX_IMPORT_ROWS = 1000;

export interface ImportedMentor {
  row: number;
  name: string;
  phone: string;
  email: string | null;
  organisation: string | null;
  title: string | null;
  expertise: string[];
  industries: MentorIndustry[];
  regionCode: string;
  certifiedOn: string | null;
  certificateNo: string | null;
  studioName: string | null;
  capacity: number;
  bio: string | null;
}

export interface ParsedSheet {
  rows: ImportedMentor[];
  rejected: Array<{ row: number; reasons: string[] }>;
}

/** The text of a cell whatever exceljs made of it (rich text, hyperlinks, formulas, numbers, dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

const split = (s: string) => s.split(/[、,，;；/|\n]+/).map((x) => x.trim()).filter(Boolean);

/** Reads and checks the file. A file that is not a workbook, lacks a required column or has no rows fails as a whole (BAD_USER_INPUT). */
export async function parseMentorSheet(buffer: Buffer, tags: TagRow[], studios: Map<string, string>): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw MentorErrors.importUnreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw MentorErrors.importUnreadable();
  const headerRow = sheet.getRow(1);
  const columnOf = new Map<MentorSheetKey, number>();
  headerRow.eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\*$/, '');
    const column = MENTOR_SHEET_COLUMNS.find((c) => c.header.replace(/\*$/, '') === text || c.key === text);
    if (column && !columnOf.has(column.key)) columnOf.set(column.key, col);
  });
  const missing = REQUIRED.filter((k) => !columnOf.has(k)).map((k) => MENTOR_SHEET_COLUMNS.find((c) => c.key === k)!.header.replace(/\*$/, ''));
  if (missing.length) throw MentorErrors.importHeaders(missing);

  const tagByName = new Map<string, string>();
  for (const t of tags) {
    tagByName.set(t.code, t.code);
    tagByName.set(t.nameZh, t.code);
    tagByName.set(t.nameEn.toLowerCase(), t.code);
  }
  const industryByName = new Map<string, MentorIndustry>();
  for (const i of MENTOR_INDUSTRIES) {
    industryByName.set(i, i);
    industryByName.set(MENTOR_INDUSTRY_LABELS[i].zh, i);
    industryByName.set(MENTOR_INDUSTRY_LABELS[i].en.toLowerCase(), i);
  }
  const regionByName = new Map<string, string>();
  for (const r of LINYI_REGIONS) {
    regionByName.set(r.code, r.code);
    regionByName.set(r.name, r.code);
  }

  const rows: ImportedMentor[] = [];
  const rejected: ParsedSheet['rejected'] = [];
  const today = shanghaiToday();
  const seenPhones = new Map<string, number>();
  const seenCertificates = new Map<string, number>();
  const lastRow = sheet.actualRowCount === 0 ? 1 : sheet.rowCount;
  for (let n = 2; n <= lastRow; n++) {
    const row = sheet.getRow(n);
    const get = (k: MentorSheetKey) => (columnOf.has(k) ? cellText(row.getCell(columnOf.get(k)!).value) : '');
    const values = MENTOR_SHEET_COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === '')) continue;
    if (rows.length + rejected.length >= MAX_IMPORT_ROWS) throw MentorErrors.importTooMany(MAX_IMPORT_ROWS);
    const reasons: string[] = [];
    const name = get('name');
    if (!name) reasons.push('NAME_REQUIRED');
    else if (name.length > MENTOR_LIMITS.nameMax) reasons.push('NAME_TOO_LONG');
    const phone = get('phone').replace(/[\s-]/g, '');
    if (!phone) reasons.push('PHONE_REQUIRED');
    else if (!MOBILE_PHONE_PATTERN.test(phone)) reasons.push('INVALID_PHONE');
    const email = get('email') || null;
    if (email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200)) reasons.push('INVALID_EMAIL');
    const expertise: string[] = [];
    const expertiseText = split(get('expertise'));
    if (!expertiseText.length) reasons.push('EXPERTISE_REQUIRED');
    for (const e of expertiseText) {
      const code = tagByName.get(e) ?? tagByName.get(e.toLowerCase());
      if (!code) reasons.push(`UNKNOWN_EXPERTISE:${e}`);
      else if (!expertise.includes(code)) expertise.push(code);
    }
    const industries: MentorIndustry[] = [];
    for (const i of split(get('industries'))) {
      const code = industryByName.get(i) ?? industryByName.get(i.toLowerCase());
      if (!code) reasons.push(`UNKNOWN_INDUSTRY:${i}`);
      else if (!industries.includes(code)) industries.push(code);
    }
    if (expertise.length > MENTOR_LIMITS.tagsMax || industries.length > MENTOR_LIMITS.tagsMax) reasons.push('TOO_MANY_TAGS');
    const regionText = get('region');
    const regionCode = regionByName.get(regionText);
    if (!regionText) reasons.push('REGION_REQUIRED');
    else if (!regionCode) reasons.push('UNKNOWN_REGION');
    const certifiedOn = get('certifiedOn').replace(/[./年月]/g, '-').replace(/日$/, '') || null;
    const normalizedDate = certifiedOn?.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_m, y, mo, d) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`) ?? null;
    if (normalizedDate && !isCalendarDate(normalizedDate)) reasons.push('INVALID_DATE');
    else if (normalizedDate && normalizedDate > today) reasons.push('CERTIFIED_IN_FUTURE');
    const certificateNo = get('certificateNo') || null;
    if (certificateNo && !CERTIFICATE_NO_PATTERN.test(certificateNo)) reasons.push('INVALID_CERTIFICATE_NO');
    if (!certificateNo !== !normalizedDate) reasons.push('CERTIFICATE_INCOMPLETE');
    const studioName = get('studio') || null;
    if (studioName && !studios.has(studioName)) reasons.push('UNKNOWN_STUDIO');
    const capacityText = get('capacity');
    const capacity = capacityText ? Number(capacityText) : 2;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MENTOR_LIMITS.capacityMax) reasons.push('INVALID_CAPACITY');
    const organisation = get('organisation') || null;
    const title = get('title') || null;
    if ((organisation?.length ?? 0) > MENTOR_LIMITS.textMax || (title?.length ?? 0) > MENTOR_LIMITS.textMax) reasons.push('TOO_LONG');
    const bio = get('bio') || null;
    if ((bio?.length ?? 0) > MENTOR_LIMITS.bioMax) reasons.push('BIO_TOO_LONG');
    if (phone && seenPhones.has(phone)) reasons.push(`DUPLICATE_PHONE_OF_ROW:${seenPhones.get(phone)}`);
    if (certificateNo && seenCertificates.has(certificateNo.toUpperCase())) reasons.push(`DUPLICATE_CERTIFICATE_OF_ROW:${seenCertificates.get(certificateNo.toUpperCase())}`);
    if (phone && !seenPhones.has(phone)) seenPhones.set(phone, n);
    if (certificateNo && !seenCertificates.has(certificateNo.toUpperCase())) seenCertificates.set(certificateNo.toUpperCase(), n);
    if (reasons.length) {
      rejected.push({ row: n, reasons });
      continue;
    }
    rows.push({
      row: n, name, phone, email, organisation, title, expertise, industries, regionCode: regionCode!, certifiedOn: normalizedDate, certificateNo,
      studioName, capacity, bio,
    });
  }
  if (!rows.length && !rejected.length) throw MentorErrors.importEmpty();
  return { rows, rejected };
}

/** The library (or the empty template) as a workbook with the import columns. */
export async function mentorWorkbook(
  mentors: Array<Record<MentorSheetKey, string | number | null>>,
  opts: { template: boolean; tags: TagRow[] },
): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = addTableSheet(workbook, '导师库', MENTOR_SHEET_COLUMNS, mentors);
  if (opts.template) {
    sheet.addRow({
      name: '（示例）王明', phone: '13905390000', email: 'wangming@example.cn', organisation: '临沂示例创业服务中心', title: '高级经济师',
      expertise: '电子商务、市场营销', industries: '现代农业', region: '兰山区', certifiedOn: '2025-03-01', certificateNo: 'LYCYDS-2025-001',
      studio: '', capacity: 2, bio: '删除本示例行后填写。',
    });
  }
  const help = addTableSheet(workbook, '填写说明', [{ header: '项目', key: 'k', width: 16 }, { header: '说明', key: 'v', width: 80 }], []);
  help.addRow({ k: '必填', v: '带 * 的列必填。按证书编号匹配已有导师，没有证书编号时按手机号匹配；匹配到则更新，否则新增。' });
  help.addRow({ k: '全部或不导入', v: '任何一行有错，整个文件都不导入；导入报告按行号列出原因，改正后重新上传。' });
  help.addRow({ k: '专长领域', v: opts.tags.map((t) => `${t.nameZh}（${t.code}）`).join('、') });
  help.addRow({ k: '熟悉行业', v: MENTOR_INDUSTRIES.map((i) => MENTOR_INDUSTRY_LABELS[i].zh).join('、') });
  help.addRow({ k: '所属区县', v: LINYI_REGIONS.map((r) => r.name).join('、') });
  help.addRow({ k: '认定日期', v: 'YYYY-MM-DD，与证书编号同时填写或同时留空。' });
  help.addRow({ k: '多个值', v: '用 、 , ; 或 / 分隔。' });
  return workbookBuffer(workbook);
}
