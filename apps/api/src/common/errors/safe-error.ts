/**
 * What of an error may be logged: never the SQL parameters (password hashes, e-mails, phone
 * numbers) nor PostgreSQL's `detail` (it repeats the offending values: "Key (email)=(…)").
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; constraint?: unknown; query?: unknown; driverError?: { code?: unknown; constraint?: unknown }; cause?: unknown };
  const out: Record<string, unknown> = { type: e.constructor?.name ?? 'Error', message: e.message, stack: e.stack };
  const code = e.driverError?.code ?? e.code;
  if (code !== undefined) out.code = code;
  const constraint = e.driverError?.constraint ?? e.constraint;
  if (constraint !== undefined) out.constraint = constraint;
  if (typeof e.query === 'string') out.sql = e.query;
  if (e.cause) out.cause = safeError(e.cause);
  return out;
}
