/**
 * Where a rescheduled event's registration window goes — the same rule as the API's `movedWindow`
 * (docs/calendar.md): it moves by the same offset; a window that closed by the old start closes by the
 * new start, one that ran into the event closes by the new end; it never opens after it closes.
 */
export function movedRegistrationWindow(
  event: { startsAt: string; registrationOpensAt?: string | null; registrationClosesAt?: string | null },
  startsAt: string,
  endsAt: string,
): { registrationOpensAt: string | null; registrationClosesAt: string | null } {
  const oldStart = Date.parse(event.startsAt);
  const offset = Date.parse(startsAt) - oldStart;
  const closesBefore = event.registrationClosesAt ? Date.parse(event.registrationClosesAt) : null;
  const limit = closesBefore !== null && closesBefore > oldStart ? Date.parse(endsAt) : Date.parse(startsAt);
  const closes = closesBefore === null ? null : Math.min(closesBefore + offset, limit);
  let opens = event.registrationOpensAt ? Date.parse(event.registrationOpensAt) + offset : null;
  if (opens !== null && closes !== null && opens > closes) opens = closes;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return { registrationOpensAt: iso(opens), registrationClosesAt: iso(closes) };
}
