import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { MAX_SCANS_PER_UPLOAD } from '@leye/domain';
import { AccessTokenVerifier } from '../../common/auth/access-token-verifier.js';
import type { Actor } from '../../common/auth/actor.js';
import { ErrorCode, badInput, forbidden, unauthenticated } from '../../common/errors/app-error.js';
import { toClientError } from '../../common/errors/graphql-error.filter.js';
import { safeError } from '../../common/errors/safe-error.js';
import { parseStrictDateTime } from '../../common/graphql/date-time.scalar.js';
import { securityHeaders } from '../web/security-headers.js';
import { CheckInService, type ScanRequest } from './checkin.service.js';
import { CheckInThrottle } from './checkin-throttle.js';

/** The station's scan route (docs/attendance.md#the-scan-route). */
export const SCAN_ROUTE = '/api/attendance/scans';
/**
 * How long a verified access token's account is reused by the scan route. A disabled account or changed role
 * takes effect within this time; a door volunteer removed from the event at once on this instance (the
 * event's volunteers are re-read within a second elsewhere, CheckInService.scannable).
 */
export const SCAN_GRANT_TTL_MS = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Like the app's body parser: JSON only, at most 1 MB (413 beyond). */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function readJson(req: Request): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      reject(new BodyError(415, 'INVALID_INPUT'));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      reject(new BodyError(413, 'INVALID_INPUT'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyError(413, 'INVALID_INPUT'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyError(400, 'INVALID_INPUT'));
      }
    });
    req.on('error', reject);
  });
}

/** The body's rules, the same as `uploadScans`' (UploadScansArgs): anything else is BAD_USER_INPUT / INVALID_INPUT. */
export function parseScanBody(body: unknown): { eventId: string; scans: ScanRequest[] } {
  const fields: Record<string, string> = {};
  const fail = () => badInput({ reason: 'INVALID_INPUT', message: 'Invalid input' }, fields);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail();
  const { eventId, scans } = body as { eventId?: unknown; scans?: unknown };
  if (typeof eventId !== 'string' || !UUID.test(eventId)) fields.eventId = 'INVALID_ID';
  if (!Array.isArray(scans) || scans.length < 1 || scans.length > MAX_SCANS_PER_UPLOAD) {
    fields.scans = Array.isArray(scans) ? (scans.length < 1 ? 'TOO_FEW' : 'TOO_MANY') : 'REQUIRED';
    throw fail();
  }
  const out: ScanRequest[] = [];
  scans.forEach((s: unknown, i) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      fields[`scans.${i}`] = 'INVALID_VALUE';
      return;
    }
    const { scanId, gateId, code, registrationId, scannedAt, offline } = s as Record<string, unknown>;
    if (typeof scanId !== 'string' || !UUID.test(scanId)) fields[`scans.${i}.scanId`] = 'INVALID_ID';
    if (typeof gateId !== 'string' || !UUID.test(gateId)) fields[`scans.${i}.gateId`] = 'INVALID_ID';
    if (code != null) {
      if (typeof code !== 'string') fields[`scans.${i}.code`] = 'NOT_A_STRING';
      else if (code.length > 600) fields[`scans.${i}.code`] = 'TOO_LONG';
      else if (code.includes('\u0000')) fields[`scans.${i}.code`] = 'INVALID_VALUE';
    }
    if (registrationId != null && (typeof registrationId !== 'string' || !UUID.test(registrationId))) fields[`scans.${i}.registrationId`] = 'INVALID_ID';
    if (code == null && registrationId == null) fields[`scans.${i}.code`] = 'REQUIRED';
    if (code != null && registrationId != null) fields[`scans.${i}.code`] = 'ONE_OF_CODE_OR_REGISTRATION';
    let at: Date | null = null;
    try {
      at = parseStrictDateTime(scannedAt);
    } catch {
      fields[`scans.${i}.scannedAt`] = 'INVALID_DATE';
    }
    if (typeof offline !== 'boolean') fields[`scans.${i}.offline`] = 'NOT_A_BOOLEAN';
    out.push({ scanId: scanId as string, gateId: gateId as string, code: (code as string | null) ?? null, registrationId: (registrationId as string | null) ?? null, scannedAt: at!, offline: offline as boolean });
  });
  if (Object.keys(fields).length > 0) throw fail();
  return { eventId: eventId as string, scans: out };
}

/**
 * `POST /api/attendance/scans` — the station's scans, the same contract as the `uploadScans` mutation
 * (`{eventId, scans}` → `{results, counts}`; errors as `{errors: [{message, extensions: {code, reason, …}}]}`
 * with the matching HTTP status), on a lean path: a plain Express route (no Nest pipes, interceptors or
 * GraphQL parsing/validation), the access token verified through the core's AccessTokenVerifier and its
 * account reused for SCAN_GRANT_TTL_MS, `attendance.scan` checked on every request, and the scans handed to
 * CheckInService.upload, whose micro-batcher sends concurrent scans to PostgreSQL together. The app's
 * security headers (worked out once) and a 1 MB JSON body limit, like the app's body parser.
 */
@Injectable()
export class ScanRoute {
  private readonly logger = new Logger('ScanRoute');
  private readonly grants = new Map<string, { actor: Actor; until: number }>();
  /** The app's security headers (helmet), worked out once for this route. */
  private readonly headers: Array<[string, string | number | readonly string[]]> = [];

  constructor(
    host: HttpAdapterHost,
    private readonly tokens: AccessTokenVerifier,
    private readonly checkIn: CheckInService,
    private readonly throttle: CheckInThrottle,
  ) {
    // Mounted while the app is being built, so it is the Express app's first route: before Nest's middleware
    // (the per-request pino child logger, the body parser, helmet), its router and GraphQL.
    const app = host.httpAdapter?.getInstance?.() as Express | undefined;
    if (typeof app?.post !== 'function') return;
    securityHeaders({ allowApolloSandbox: false })(
      { method: 'POST', path: SCAN_ROUTE, url: SCAN_ROUTE, headers: {} } as Request,
      { setHeader: (k: string, v: string) => this.headers.push([k, v]), removeHeader: () => undefined, getHeader: () => undefined } as unknown as Response,
      () => undefined,
    );
    app.post(SCAN_ROUTE, (req: Request, res: Response) => void this.handle(req, res));
  }

  /** Forgets every reused account (tests; an account disabled on this instance). */
  forgetGrants(): void {
    this.grants.clear();
  }

  private async actorOf(req: Request): Promise<Actor> {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw unauthenticated();
    const now = Date.now();
    const hit = this.grants.get(token);
    if (hit && hit.until > now) return hit.actor;
    const grant = await this.tokens.verifyAccessToken(token);
    if (!grant) {
      this.grants.delete(token);
      throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
    }
    if (this.grants.size > 10_000) this.grants.clear();
    this.grants.set(token, { actor: grant.actor, until: Math.min(now + SCAN_GRANT_TTL_MS, grant.expiresAt.getTime()) });
    return grant.actor;
  }

  private async handle(req: Request, res: Response): Promise<void> {
    for (const [k, v] of this.headers) res.setHeader(k, v);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const actor = await this.actorOf(req);
      if (actor.mustChangePassword) throw forbidden({ reason: 'PASSWORD_CHANGE_REQUIRED', message: 'Change the initial password before going on' });
      const { eventId, scans } = parseScanBody(await readJson(req));
      const event = await this.checkIn.scannable(actor, eventId, true);
      const throttled = this.throttle.take(actor, req.ip);
      if (throttled) await throttled;
      res.status(200).json(await this.checkIn.upload(actor, event, scans));
    } catch (exception) {
      if (exception instanceof BodyError) {
        res.status(exception.status).json({ errors: [{ message: exception.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: exception.reason } }] });
        return;
      }
      const error = toClientError(exception);
      if (error instanceof GraphQLError && STATUS[String(error.extensions.code)]) {
        const status = STATUS[String(error.extensions.code)]!;
        if (status === 503) res.setHeader('Retry-After', '5');
        if (status === 429) res.setHeader('Retry-After', String(error.extensions.retryAfterSeconds ?? 60));
        res.status(status).json({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }] });
        return;
      }
      const log = (req as Request & { log?: { error(o: object, m: string): void } }).log;
      if (log) log.error({ err: safeError(exception) }, 'unexpected error');
      else this.logger.error(safeError(exception));
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reason: 'INTERNAL_ERROR' } }] });
    }
  }
}

