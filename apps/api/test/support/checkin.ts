import { randomUUID } from 'node:crypto';
import { signedInAs, uniquePhone } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Check-in fixtures shared by the attendance, scan-route, abuse-limit and fault tests: events that never clash
 * (a new 7-hour slot each), gates, tickets of new seekers, scans as the station makes them, and the station's
 * scan route.
 */

const HOUR = 3600_000;
let slot = 0;

/** Event input two days ahead, each call in its own slot (venue-less online events never clash). */
export const upcomingEvent = (capacity = 500) => ({
  startsAt: new Date(Date.now() + 48 * HOUR + slot++ * 7 * HOUR).toISOString(),
  hours: 3,
  capacity,
  isOnline: true,
  onlineUrl: 'https://live.example.cn/b',
});

/** A scan as the station sends it: its own scan id (made on the device), a gate, a ticket code. */
export const scanOf = (gateId: string, code: string, opts: { offline?: boolean; at?: Date; scanId?: string } = {}) => ({
  scanId: opts.scanId ?? randomUUID(),
  gateId,
  code,
  scannedAt: (opts.at ?? new Date()).toISOString(),
  offline: opts.offline ?? false,
});

async function data<T>(t: TestApp, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** Gates of an event, created by an organizer covering it; their ids in the order of `names`. */
export async function createGates(t: TestApp, token: string, eventId: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    ids.push((await data<{ createGate: { id: string } }>(t, `mutation($e: ID!, $n: String!) { createGate(eventId: $e, name: $n) { id } }`, { e: eventId, n: name }, token)).createGate.id);
  }
  return ids;
}

/** A new seeker (profile with a name and a mobile number) registered for the event: its ticket code. */
export async function ticketFor(t: TestApp, eventId: string, name = '王小明'): Promise<string> {
  const s = await signedInAs(t, 'SEEKER');
  await data(t, `mutation($input: SeekerProfileInput!) { updateMySeekerProfile(input: $input) { mobile } }`, { input: { realName: name, mobile: uniquePhone() } }, s.token);
  return (await data<{ registerForEvent: { ticketCode: string } }>(t, `mutation($e: ID) { registerForEvent(eventId: $e) { ticketCode } }`, { e: eventId }, s.token)).registerForEvent.ticketCode;
}

export type ScanAnswer = {
  status: number;
  body: {
    results?: Array<{ scanId: string; outcome: string; registrationId: string | null; displayName: string | null; original: null | { outcome: string; gateId: string; scannedAt: string } }>;
    counts?: Record<string, number>;
    errors?: Array<{ extensions: { code: string; reason: string; fields?: Record<string, string>; retryAfterSeconds?: number } }>;
  };
  retryAfter: string | null;
};

/**
 * `POST /api/attendance/scans` on `app`: `raw` sends the body as it is; `address` is the client address the app sees
 * (X-Forwarded-For from the loopback proxy).
 */
export async function postScans(app: TestApp, body: unknown, token?: string, opts: { raw?: boolean; address?: string } = {}): Promise<ScanAnswer> {
  const res = await fetch(`${app.baseUrl}/api/attendance/scans`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts.address ? { 'x-forwarded-for': opts.address } : {}),
    },
    body: opts.raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ScanAnswer['body'], retryAfter: res.headers.get('retry-after') };
}
