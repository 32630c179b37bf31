import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_PREFIXES } from './web-app.js';

// The web image's nginx must send every API path to the API: a path missing there is answered by nginx with the
// web app or a 404 in production (compose, Kubernetes) while working in development, where the API serves all.
describe('infra/nginx.conf', () => {
  const conf = readFileSync(resolve(process.cwd(), '../../infra/nginx.conf'), 'utf8');
  const proxied = [...conf.matchAll(/location ~ \^\/\(([^)]+)\)\(\/\|\$\) \{[^}]*proxy_pass \$api_upstream;/g)].flatMap((m) => m[1]!.split('|').map((p) => p.replace(/\\\./g, '.')));

  it('proxies every path the API keeps for itself', () => {
    expect(proxied.length).toBeGreaterThan(0);
    for (const prefix of API_PREFIXES) expect(proxied).toContain(prefix.replace(/^\//, '').replace(/\/$/, ''));
  });

  it('does not proxy /metrics (scraped inside the cluster only)', () => {
    expect(proxied).not.toContain('metrics');
  });
});
