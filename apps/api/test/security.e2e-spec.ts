import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { loadRuntimeConfig } from '../src/config/app-config.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { signedInAs } from './support/factories.js';

const OLD_DEFAULT_SECRET = 'leye-linyi-development-secret-change-me';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'leye-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    t = await createTestApp({ WEB_DIST_DIR: web, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });
  });
  afterAll(() => t.close());

  it.each([
    ['the web app at /', () => fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html' } })],
    ['a client-side route', () => fetch(`${t.baseUrl}/organizer/calendar`, { headers: { accept: 'text/html' } })],
    ['the GraphQL API', () => fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ regions { code } }"}' })],
    ['a calendar feed', () => fetch(`${t.baseUrl}/calendar/events.ics`)],
  ])('sends CSP, frame-ancestors, nosniff and Referrer-Policy on %s, and no X-Powered-By', async (_what, get) => {
    const res = await get();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The check-in station's QR decoder is WebAssembly: compiling it is allowed, eval() is not.
    expect(csp).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('turns introspection off in production', async () => {
    const res = await t.post({ query: '{ __schema { types { name } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('JWT secret outside the tests', () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    // As `npm start` runs: production, no JWT_SECRET, the secret generated into DATA_DIR.
    dataDir = mkdtempSync(join(tmpdir(), 'leye-secret-'));
    const secret = loadRuntimeConfig({ DATA_DIR: dataDir }).jwtSecret!;
    t = await createTestApp({ NODE_ENV: 'production', JWT_SECRET: secret, DATA_DIR: dataDir });
  });
  afterAll(() => t.close());

  it('refuses an ADMIN token forged with the old published default secret', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    expect((await t.gql(`{ me { role } }`, {}, admin.token)).data!.me.role).toBe('ADMIN');
    const claims = { sub: admin.id, role: 'ADMIN', typ: 'access' };
    const forged = await new JwtService().signAsync(claims, { secret: OLD_DEFAULT_SECRET, algorithm: 'HS256', issuer: 'leye-linyi', expiresIn: 900 });
    const res = await t.gql(`{ me { role } }`, {}, forged);
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });
});
