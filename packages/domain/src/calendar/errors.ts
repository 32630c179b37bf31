/**
 * One error type for every bad input to the calendar rules, so the API can map it to a single
 * user-facing error with a stable `code` and both language versions of the message.
 */
export type CalendarRuleErrorCode =
  | 'INVALID_RRULE'
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_DURATION'
  | 'INVALID_WINDOW'
  | 'INVALID_WEEKDAYS'
  | 'INVALID_POLICY'
  | 'TOO_MANY_OCCURRENCES';

export const CALENDAR_RULE_MESSAGES: Record<CalendarRuleErrorCode, { zh: string; en: string }> = {
  INVALID_RRULE: { zh: '重复规则无效', en: 'The recurrence rule is invalid' },
  INVALID_DATE: { zh: '日期无效，应为 YYYY-MM-DD 格式的真实日期', en: 'The date is invalid; use a real date as YYYY-MM-DD' },
  INVALID_TIME: { zh: '时间无效，应为 HH:mm（00:00–23:59）', en: 'The time is invalid; use HH:mm (00:00–23:59)' },
  INVALID_DURATION: {
    zh: '时长无效，应为 1–1440 之间的整数分钟',
    en: 'The duration is invalid; use a whole number of minutes from 1 to 1440',
  },
  INVALID_WINDOW: { zh: '日期范围无效：开始日期晚于结束日期', en: 'The date range is invalid: it starts after it ends' },
  INVALID_WEEKDAYS: {
    zh: '请至少选择一个星期几（1=周一 … 7=周日）',
    en: 'Choose at least one weekday (1 = Monday … 7 = Sunday)',
  },
  INVALID_POLICY: {
    zh: '节假日处理方式无效，应为 SKIP、NEXT_WORKING_DAY 或 KEEP',
    en: 'The holiday policy is invalid; use SKIP, NEXT_WORKING_DAY or KEEP',
  },
  TOO_MANY_OCCURRENCES: {
    zh: '该规则在所选范围内生成的场次过多，请缩小范围或降低频率',
    en: 'The rule produces too many occurrences in this range; narrow the range or lower the frequency',
  },
};

export class CalendarRuleError extends Error {
  readonly code: CalendarRuleErrorCode;
  readonly zh: string;
  readonly en: string;

  /** `detail` (e.g. the offending value) is appended to both messages. */
  constructor(code: CalendarRuleErrorCode, detail?: string) {
    const base = CALENDAR_RULE_MESSAGES[code];
    const zh = detail ? `${base.zh}：${detail}` : base.zh;
    const en = detail ? `${base.en}: ${detail}` : base.en;
    super(`${zh} / ${en}`);
    this.name = 'CalendarRuleError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}
