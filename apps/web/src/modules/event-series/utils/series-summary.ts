/** What the series summary on an event page needs to word the rule in the reader's language. */
export interface SeriesSummary {
  ruleText: string;
  patternKind: 'RRULE' | 'SEASONAL_CADENCE';
  cadenceYear?: number | null;
  cadenceWeekdays?: readonly number[] | null;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The series' rule as the reader reads it. A seasonal cadence is worded here from its year and
 * weekdays (the server's English text used to read "(weekdays 3)", and anonymous readers always got
 * Chinese); an RRULE keeps the server's text (rrule's own English, or the Chinese rendering).
 */
export function seriesRuleText(series: SeriesSummary, t: Translate, language: 'zh-CN' | 'en'): string {
  if (series.patternKind !== 'SEASONAL_CADENCE' || !series.cadenceYear || !series.cadenceWeekdays?.length) return series.ruleText;
  const names = [...series.cadenceWeekdays].sort((a, b) => a - b).map((d) => t(`events:seriesRule.weekdays.${d}`));
  const weekdays = language === 'en' ? joinEnglish(names) : names.join('、');
  return t('events:seriesRule.cadence', { year: series.cadenceYear, weekdays });
}

function joinEnglish(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
