import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

/** Parses an RFC 3339 date-time (or a bare date) and refuses impossible ones such as 2026-02-30. */
export function parseStrictDateTime(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) throw new GraphQLError('DateTime must be an ISO 8601 string such as 2026-03-01T09:00:00+08:00');
  const m = DATE_TIME.exec(value);
  if (!m) throw new GraphQLError(`DateTime cannot represent "${value.slice(0, 40)}": use ISO 8601`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', , oh = '0', om = '0'] = m;
  const ok = (n: string, lo: number, hi: number) => Number(n) >= lo && Number(n) <= hi;
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (!ok(mo!, 1, 12) || !ok(d!, 1, daysInMonth) || !ok(h, 0, 23) || !ok(mi, 0, 59) || !ok(s, 0, 59) || !ok(oh, 0, 14) || !ok(om, 0, 59)) {
    throw new GraphQLError(`DateTime "${value}" is not a real date and time`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || Number(y) < 1900 || Number(y) > 2200) throw new GraphQLError(`DateTime "${value}" is out of range`);
  return date;
}

/** The `DateTime` scalar, strict: a malformed or impossible value is bad input, never an Invalid Date. */
export const StrictDateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseStrictDateTime,
  serialize(value) {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseStrictDateTime(ast.value);
  },
});
