import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** HTTP paths grouped into a few kinds, so labels stay bounded whatever clients request. */
function routeKind(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (path.startsWith('/socket.io')) return 'socket.io';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/metrics') return 'metrics';
  if (path.startsWith('/calendar')) return 'calendar';
  return 'web';
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The API's Prometheus metrics (docs/operations.md#metrics), one registry per app so tests can run several
 * apps in one process. Request rate and latency per HTTP route kind and per GraphQL operation type (query,
 * mutation) and root field, errors by code, socket connections, job-queue depth and failed jobs per queue
 * (read from pg-boss's tables at scrape time, so every instance reports the same shared queue), and Node's
 * process metrics (event-loop lag, heap, GC).
 */
export class Metrics {
  readonly registry = new Registry();
  private ds?: DataSource;
  private sockets: Array<{ engine: { clientsCount: number } }> = [];

  readonly httpDuration = new Histogram({
    name: 'leye_http_request_duration_seconds',
    help: 'HTTP requests by route kind, method and status class (rate: the _count series).',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'leye_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type (query, mutation) and outcome (ok, or the first error code).',
    labelNames: ['type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlFields = new Counter({
    name: 'leye_graphql_root_fields_total',
    help: 'GraphQL root fields called, by operation type and field (bounded by the schema).',
    labelNames: ['type', 'field'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'leye_graphql_errors_total',
    help: 'GraphQL errors answered, by extensions.code (INTERNAL_SERVER_ERROR and UNAVAILABLE are the ones to alert on).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'leye_job_duration_seconds',
    help: 'Jobs worked by this process, by queue and outcome (completed, failed: a failed attempt, retried until its retries are used up).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'leye_job_failures_total',
    help: 'Failed job attempts in this process, by queue (each is retried until its retries are used up).',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'leye_' });
    const sockets: Gauge = new Gauge({
      name: 'leye_socket_connections',
      help: 'socket.io clients connected to this instance.',
      registers: [this.registry],
      collect: () => {
        sockets.set(this.sockets.reduce((n, s) => n + s.engine.clientsCount, 0));
      },
    });
    const jobs: Gauge<'queue' | 'state'> = new Gauge({
      name: 'leye_jobs',
      help: 'Jobs in the shared pg-boss queue by queue and state (created and retry: waiting; active; failed: used up their retries).',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        jobs.reset();
        if (!this.ds?.isInitialized) return;
        const rows: Array<{ name: string; state: string; n: number }> = await this.ds.query(
          `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE state IN ('created','retry','active','failed') GROUP BY 1, 2`,
        );
        for (const r of rows) jobs.set({ queue: r.name, state: r.state }, r.n);
      },
    });
  }

  /** Times the jobs this process works and counts their failed attempts. */
  watchJobs(queue: { observe(observer: (queue: string, seconds: number, outcome: 'completed' | 'failed') => void): void }): void {
    queue.observe((name, seconds, outcome) => {
      this.jobDuration.observe({ queue: name, outcome }, seconds);
      if (outcome === 'failed') this.jobFailures.inc({ queue: name });
    });
  }

  useDatabase(ds: DataSource): void {
    this.ds = ds;
  }

  /** A socket.io server whose connected clients are counted. */
  watchSockets(server: { engine: { clientsCount: number } }): void {
    this.sockets.push(server);
  }

  /** Express middleware timing every request. */
  httpMiddleware() {
    return (req: { method: string; originalUrl?: string; url: string }, res: { statusCode: number; on(e: 'finish', f: () => void): void }, next: () => void) => {
      const end = this.httpDuration.startTimer();
      // Read now: routers mounted on a path rewrite req.url later.
      const route = routeKind((req.originalUrl ?? req.url).split('?')[0]!);
      res.on('finish', () => end({ route, method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }));
      next();
    };
  }

  /** Apollo plugin: operation latency by type and outcome, root fields, error codes. */
  graphqlPlugin(): ApolloServerPlugin {
    const { graphqlDuration, graphqlFields, graphqlErrors } = this;
    return {
      async requestDidStart() {
        const end = graphqlDuration.startTimer();
        let type = 'unknown';
        return {
          async didResolveOperation({ operation }) {
            const op = operation as OperationDefinitionNode | undefined;
            if (!op) return;
            type = op.operation;
            for (const s of op.selectionSet.selections) {
              if (s.kind === Kind.FIELD && s.name.value !== '__typename') graphqlFields.inc({ type, field: s.name.value });
            }
          },
          async willSendResponse({ response }) {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const e of errors) graphqlErrors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
            end({ type, outcome: errors.length ? String(errors[0]!.extensions?.code ?? 'UNKNOWN') : 'ok' });
          },
        };
      },
    };
  }
}
