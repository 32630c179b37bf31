import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { createTestApp, type TestApp } from './support/test-app.js';
import { signedInAs, STRONG_PASSWORD } from './support/factories.js';

/**
 * Calls every query and mutation of the schema (read by introspection, so new operations are covered
 * without editing this file) with one hostile value at a time — wrong type, out of range, huge,
 * NUL-laden, impossible, unknown — as an admin and as anonymous. Every answer must be BAD_USER_INPUT
 * (anonymous may get UNAUTHENTICATED first; a role the operation refuses may get FORBIDDEN first),
 * never INTERNAL_SERVER_ERROR and never success.
 */

type Input = GraphQLArgument | GraphQLInputField;

/** A plausible value for an input, so that the one hostile value is what the server has to judge. */
function plausible(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name);
  if (isListType(type)) return [plausible(type.ofType as GraphQLInputType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = plausible(f.type, f.name);
    return out;
  }
  const n = name.toLowerCase();
  switch (type.name) {
    case 'Int':
      return ({ year: 2026, take: 10, skip: 0, capacity: 100, durationminutes: 60, registrationopensdays: 7, weekdays: 3 } as Record<string, number>)[n] ?? 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return randomUUID();
    case 'DateTime':
      return /end|close/.test(n) ? '2026-03-02T11:00:00+08:00' : '2026-03-02T09:00:00+08:00';
    default:
      if (n.includes('region')) return '371302';
      if (n.endsWith('time')) return '09:00';
      if (/date$|^start$|^end$|^date$/.test(n)) return '2026-03-02';
      if (n.includes('email') || n === 'login') return 'someone@example.test';
      if (n.includes('phone')) return '13900000000';
      if (n.includes('password')) return STRONG_PASSWORD;
      if (n === 'rrule') return 'FREQ=WEEKLY;BYDAY=WE';
      if (n === 'locale') return 'en';
      if (n.includes('url')) return 'https://example.test/live';
      return 'hello';
  }
}

/** The hostile values for an input of this type (and name). */
function hostile(type: GraphQLInputType, name: string): Array<[string, unknown]> {
  const named = getNamedType(type);
  const n = name.toLowerCase();
  const out: Array<[string, unknown]> = [];
  if (isListType(isNonNullType(type) ? type.ofType : type)) {
    const item = plausible((isNonNullType(type) ? type.ofType : type) as GraphQLInputType, name) as unknown[];
    out.push(['a list of 1000', Array.from({ length: 1000 }, () => item[0])]);
  }
  if (isInputObjectType(named)) return [...out, ['a string for an object', 'oops']];
  if (isEnumType(named)) return [...out, ['an unknown enum value', 'NOPE']];
  switch (named.name) {
    case 'Int':
      return [...out, ['Int 2147483648', 2147483648], ['-1', -1], ['a string for an Int', '7'], ['a fraction', 1.5]];
    case 'Float':
      return [...out, ['a string for a Float', 'x']];
    case 'Boolean':
      return [...out, ['a string for a Boolean', 'yes']];
    case 'ID':
      return [...out, ['a malformed id', 'not-a-uuid'], ['a NUL in an id', 'a\u0000b'], ['a huge id', 'f'.repeat(20000)]];
    case 'DateTime':
      return [...out, ['an impossible date-time', '2026-02-30T10:00:00Z'], ['a word for a date-time', 'soon'], ['a number for a date-time', 12]];
    default: {
      const strings: Array<[string, unknown]> = [['a huge string', 'x'.repeat(20000)], ['a NUL in a string', 'a\u0000b'], ['a number for a String', 42]];
      if (n.includes('region')) strings.push(['an unknown region code', '999999']);
      if (/date$|^start$|^end$|^date$/.test(n)) strings.push(['an impossible date', '2026-02-30']);
      if (n.endsWith('time')) strings.push(['an impossible time', '25:61']);
      return [...out, ...strings];
    }
  }
}

interface Case {
  operation: string;
  kind: 'query' | 'mutation';
  path: string;
  what: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same call with plausible values only: whether the caller is refused outright (sign-in, role) before any argument is judged. */
  probe: { query: string; variables: Record<string, unknown> };
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  for (const key of path.slice(0, -1)) {
    if (typeof o[key] !== 'object' || o[key] === null || Array.isArray(o[key])) o[key] = {};
    o = o[key] as Record<string, unknown>;
  }
  o[path[path.length - 1]!] = value;
}

/** Every input position of an argument (the argument itself and fields of input objects, 3 levels deep). */
function positions(input: Input, path: string[] = [], depth = 0): Array<{ path: string[]; input: Input }> {
  const here = [{ path: [...path, input.name], input }];
  const named = getNamedType(input.type);
  const isList = isListType(isNonNullType(input.type) ? input.type.ofType : input.type);
  if (!isInputObjectType(named) || depth >= 3 || isList) return here;
  return [...here, ...Object.values(named.getFields()).flatMap((f) => positions(f, [...path, input.name], depth + 1))];
}

function casesFor(schema: GraphQLSchema): Case[] {
  const cases: Case[] = [];
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
      const build = (vars: Record<string, unknown>) => {
        const used = field.args.filter((a) => a.name in vars);
        const decl = used.length ? `(${used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
        const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        return `${kind} ${field.name}Hostile${decl} { ${field.name}${call}${selection} }`;
      };
      const baseline: Record<string, unknown> = {};
      for (const a of field.args) if (isNonNullType(a.type) && a.defaultValue === undefined) baseline[a.name] = plausible(a.type, a.name);
      for (const arg of field.args) {
        for (const pos of positions(arg)) {
          for (const [what, value] of hostile(pos.input.type, pos.input.name)) {
            const variables = structuredClone(baseline);
            setAt(variables, pos.path, value);
            cases.push({ operation: field.name, kind, path: pos.path.join('.'), what, query: build(variables), variables, probe: { query: build(baseline), variables: baseline } });
          }
        }
      }
    }
  }
  return cases;
}

describe('hostile input: every operation, every argument', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedInAs(t, 'ADMIN')).token;
    const res = await t.post({ query: getIntrospectionQuery() });
    schema = buildClientSchema(res.body.data as never);
  });
  afterAll(() => t.close());

  it('covers every query and mutation that takes arguments', () => {
    const cases = casesFor(schema);
    const covered = new Set(cases.map((c) => c.operation));
    const withArgs = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((root) => Object.values(root.getFields()))
      .filter((f) => f.args.length > 0)
      .map((f) => f.name);
    expect(withArgs.filter((name) => !covered.has(name))).toEqual([]);
    console.log(`hostile input: ${cases.length} calls per caller over ${covered.size} operations with arguments`);
    expect(cases.length).toBeGreaterThan(200);
  });

  it('refuses a request body over the size limit without an internal error', async () => {
    const res = await t.post({ query: '{ regions { code } }', variables: { pad: 'x'.repeat(2_000_000) } });
    expect(res.status).toBe(413);
  });

  it.each([
    ['an admin', () => admin],
    ['anonymous', () => undefined],
  ])('answers %s with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async (_who, token) => {
    const cases = casesFor(schema);
    const call = (query: string, variables: Record<string, unknown>) => t.post({ query, variables }, token());
    // A caller the operation refuses outright (sign-in or role, checked before the arguments) may be refused first.
    const refusedOutright = new Map<string, Set<string>>();
    for (const [operation, c] of new Map(cases.map((x) => [x.operation, x]))) {
      // With plausible values for the required arguments (without them GraphQL refuses the call before the role is checked).
      const res = await call(c.probe.query, c.probe.variables);
      refusedOutright.set(operation, new Set((res.body.errors ?? []).map((e) => String(e.extensions?.code)).filter((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')));
    }
    const failures: string[] = [];
    for (let i = 0; i < cases.length; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async (c) => {
          const res = await call(c.query, c.variables);
          const codes = (res.body.errors ?? []).map((e) => String(e.extensions?.code));
          const allowed = new Set(['BAD_USER_INPUT', ...(token() ? [] : ['UNAUTHENTICATED'])]);
          for (const code of refusedOutright.get(c.operation) ?? []) allowed.add(code);
          const ok = res.status !== 500 && codes.length > 0 && codes.every((code) => allowed.has(code));
          if (!ok) {
            const detail = res.body.errors?.[0]?.message?.slice(0, 140) ?? JSON.stringify(res.body.data)?.slice(0, 140);
            failures.push(`${c.kind} ${c.operation} ${c.path} <- ${c.what}: HTTP ${res.status} ${JSON.stringify(codes)} ${detail}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
