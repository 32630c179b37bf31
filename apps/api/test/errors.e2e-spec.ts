import { createServer, connect, type Server, type Socket } from 'node:net';
import { createTestApp, type TestApp } from './support/test-app.js';
import { signedInAs } from './support/factories.js';
import { SafeTypeOrmLogger } from '../src/database/typeorm-logger.js';
import { safeError } from '../src/common/errors/safe-error.js';

describe('error contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a variable out of the Int range with BAD_USER_INPUT and HTTP 400, not 500', async () => {
    const res = await t.post({ query: 'query($y:Int!){holidays(year:$y){year}}', variables: { y: 2147483648 } });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE' });
    const wrongType = await t.post({ query: 'query($y:Int!){holidays(year:$y){year}}', variables: { y: 'soon' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers a query over the cost limit with BAD_USER_INPUT and HTTP 400', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const aliases = Array.from({ length: 12 }, (_, i) => `p${i}: employers(take: 50) { items { id name creditCode status region { code name nameEn } } }`).join('\n');
    const res = await t.post({ query: `{ ${aliases} }` }, organizer.token);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', params: { max: 2000 } });
  });

  it('refuses a NUL character in any string, in a variable or inline', async () => {
    const viaVariable = await t.post({ query: 'query($f:EventFilter){events(filter:$f){items{id}}}', variables: { f: { text: 'fair\u0000' } } });
    expect(viaVariable.status).toBe(400);
    expect(viaVariable.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' });
    const inline = await t.post({ query: '{ events(filter: { text: "a\\u0000b" }) { items { id } } }' });
    expect(inline.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' });
  });

  it('refuses impossible dates and unknown region codes as bad input', async () => {
    const date = await t.post({ query: 'query($f:EventFilter){events(filter:$f){items{id}}}', variables: { f: { from: '2026-02-30' } } });
    expect(date.status).toBe(400);
    expect(date.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const region = await t.gql('query($f:EventFilter){events(filter:$f){items{id}}}', { f: { regionCode: '999999' } });
    expect(region.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'filter.regionCode': 'UNKNOWN_REGION' } });
    const admin = await signedInAs(t, 'ADMIN');
    const holiday = await t.gql('mutation($d:[HolidayDayInput!]!){setHolidays(year:2031, days:$d){year}}', { d: [{ date: '2031-02-30', kind: 'HOLIDAY', name: 'x' }] }, admin.token);
    expect(holiday.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'days.0.date': 'INVALID_DATE' } });
  });

  it('words nothing: errors carry a reason, params and field reason codes; the message is plain English', async () => {
    const res = await t.gql(`{ event(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(res.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND', params: { resource: 'Event' } });
    expect(res.errors![0]!.message).toBe('Event not found');
    const seeker = await signedInAs(t, 'SEEKER');
    const bad = await t.gql(`mutation($i: UpdateProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { displayName: 'x'.repeat(500) } }, seeker.token);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: { displayName: expect.stringMatching(/^[A-Z_]+$/) } });
    const anon = await t.gql(`{ me { id } }`);
    expect(anon.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
    for (const e of [res, bad, anon].flatMap((r) => r.errors!)) expect(e.message).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('answers a malformed id in /calendar/events/<id>.ics with 404, never 500', async () => {
    for (const id of ['nope', '-'.repeat(36), 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '%00', 'a'.repeat(5000)]) {
      const res = await fetch(`${t.baseUrl}/calendar/events/${id}.ics`);
      expect({ id: id.slice(0, 40), status: res.status }).toEqual({ id: id.slice(0, 40), status: 404 });
    }
    expect((await fetch(`${t.baseUrl}/calendar/events.ics?region=999999`)).status).toBe(400);
  });
});

describe('database outage', () => {
  let t: TestApp;
  let proxy: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // The app reaches PostgreSQL through a TCP proxy the test can cut, like a database that goes away.
    let upstream!: URL;
    proxy = createServer((client) => {
      const server = connect(Number(upstream.port || 5432), upstream.hostname);
      for (const s of [client, server]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    t = await createTestApp({}, {
      rewriteUrl: (url) => {
        upstream = new URL(url);
        const via = new URL(url);
        via.hostname = '127.0.0.1';
        via.port = String(port);
        return via;
      },
    });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
  });

  it('answers SERVICE_UNAVAILABLE with HTTP 503 while the database is unreachable', async () => {
    expect((await t.post({ query: '{ venues { id } }' })).status).toBe(200);
    await new Promise<void>((r) => {
      proxy.close(() => r());
      for (const s of sockets) s.destroy();
    });
    const res = await t.post({ query: '{ venues { id } }' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
    expect((await fetch(`${t.baseUrl}/calendar/events.ics`)).status).toBe(503);
  });
});

describe('logging failed SQL', () => {
  it('logs the SQL text of a failed query, never its parameters', () => {
    const lines: unknown[] = [];
    const sink = { error: (o: unknown) => lines.push(o), warn: (o: unknown) => lines.push(o), log: (o: unknown) => lines.push(o) };
    const error = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(victim@example.test) already exists.',
      parameters: ['victim@example.test', '$argon2id$v=19$m=19456,t=2,p=1$secret'],
    });
    new SafeTypeOrmLogger(sink as never).logQueryError(error, 'INSERT INTO app_user (email, password_hash) VALUES ($1, $2)', error.parameters);
    const text = JSON.stringify(lines) + JSON.stringify(safeError(Object.assign(error, { query: 'INSERT …' })));
    expect(text).toContain('INSERT INTO app_user');
    expect(text).not.toContain('victim@example.test');
    expect(text).not.toContain('argon2id');
  });
});
