import { createTestApp, type TestApp } from './support/test-app.js';

// Its own file: nestjs-pino keeps one pino-http logger per module registry (the first app's), and
// jest gives each test file a fresh registry, so this app's log stream is the one in use.
describe('logging unexpected errors', () => {
  let t: TestApp;
  const lines: Array<Record<string, any>> = [];
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' }, { logStream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  });
  afterAll(() => t.close());

  it('logs through pino with the request id, without SQL parameters, and tells the client nothing more', async () => {
    // A schema the code does not expect: every query on venues now fails inside PostgreSQL.
    await t.ds.query(`ALTER TABLE venue RENAME TO venue_elsewhere`);
    try {
      const res = await t.post({ query: '{ venues(regionCode: "371311") { id } }' });
      expect(res.body.errors![0]).toEqual({ message: 'Internal server error', path: ['venues'], extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR', params: {} } });
    } finally {
      await t.ds.query(`ALTER TABLE venue_elsewhere RENAME TO venue`);
    }
    const logged = lines.find((l) => l.msg === 'unexpected GraphQL error');
    expect(logged).toBeDefined();
    expect(logged!.req.id).toBeDefined();
    expect(logged!.err).toMatchObject({ code: '42P01', sql: expect.stringContaining('venue') });
    const sqlLine = lines.find((l) => l.msg === 'query failed');
    expect(sqlLine).toMatchObject({ code: '42P01', sql: expect.stringContaining('FROM "venue"') });
    expect(JSON.stringify(lines)).not.toContain('371311');
  });
});

