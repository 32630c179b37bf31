import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { AppConfig } from '../../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Metrics } from './metrics.js';

/** Loopback and private ranges (RFC 1918, IPv6 ULA and link-local), also as IPv4-mapped IPv6. */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  if (isIP(a) === 4) {
    const [p, q] = a.split('.').map(Number) as [number, number];
    return p === 127 || p === 10 || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168);
  }
  return a === '::1' || /^f[cd][0-9a-f]{2}:/i.test(a) || /^fe80:/i.test(a);
}

export interface MetricsRequest {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}

/**
 * Who may scrape (the API's `/metrics` and the worker's metrics port). With METRICS_TOKEN: `Authorization: Bearer
 * <token>` from anywhere. Without: only a direct caller from a private address — the TCP peer, not X-Forwarded-For,
 * and no X-Forwarded-For at all, because a request that passed a proxy, ingress or load balancer carries one and
 * may come from the internet.
 */
export function metricsAllowed(token: string | null | undefined, req: MetricsRequest): boolean {
  if (token) {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const want = Buffer.from(`Bearer ${token}`);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  return !req.headers['x-forwarded-for'] && !req.headers['forwarded'] && isPrivateAddress(req.socket.remoteAddress);
}

/**
 * `GET /metrics` for Prometheus. With METRICS_TOKEN: `Authorization: Bearer <token>` from anywhere. Without:
 * only a direct caller from a private address — the TCP peer, not X-Forwarded-For, and no X-Forwarded-For at
 * all, because a request that passed a proxy, ingress or load balancer carries one and may come from the internet.
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
    ds: DataSource,
    jobs: JobQueue,
  ) {
    metrics.useDatabase(ds);
    metrics.watchJobs(jobs);
  }

  private allowed(req: MetricsRequest): boolean {
    return metricsAllowed(this.config.metricsToken, req);
  }

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: MetricsRequest, @Res() res: { status(n: number): { type(t: string): { send(b: string): void } } }): Promise<void> {
    if (!this.allowed(req)) {
      res.status(403).type('text/plain').send('metrics: send METRICS_TOKEN as a bearer token, or scrape directly from a private address\n');
      return;
    }
    res.status(200).type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
