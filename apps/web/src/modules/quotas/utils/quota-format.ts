/** Tag colours of the quota statuses (antd preset colours). */
export const STATUS_COLORS: Record<string, string> = { ON_TRACK: 'green', AT_RISK: 'orange', BEHIND: 'red', NO_TARGET: 'default' };

/** A figure as people read it: thousands grouped, at most one decimal. */
export function formatFigure(value: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(value);
}

/** The dates of a period's per-day lists, from its first day. */
export function periodDates(firstDay: string, count: number): string[] {
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
