// The load clients' HTTP: node:http with keep-alive connections. The load client shares the 2 cores with the API and
// PostgreSQL, so it should cost about what a raw `pg` client does: `fetch` (undici) spent ~2 ms of CPU per request
// here, node:http about a third of that. Idle connections are dropped after 4 s, before the API's 5 s keep-alive
// timeout; a request that still meets a connection the server closed in that instant (ECONNRESET on a reused socket,
// before any answer: the API never saw it) is sent again on a fresh one, as the Node documentation advises for
// keep-alive clients. Used by booth-rush, checkin and fair-day.
import http from 'node:http';

/** One keep-alive client: `gql` (the parsed GraphQL answer, errors included), `postJson`, `uploadScans`, `destroy` at cleanup. */
export function httpClient({ maxSockets = 256 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 });
  const send = (url, body, token) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', (error) => reject(Object.assign(error, { retryable: req.reusedSocket && error.code === 'ECONNRESET' })));
      req.end(body);
    });
  /** POSTs a JSON body; answers { status, ok, text }. */
  const post = async (url, payload, token) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    try {
      return await send(url, body, token);
    } catch (error) {
      if (!error.retryable) throw error;
      return send(url, body, token);
    }
  };
  const parse = (answer) => {
    try {
      return JSON.parse(answer.text);
    } catch {
      throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
    }
  };
  return {
    post,
    /** One GraphQL operation: the parsed answer ({ data, errors }); the caller reads `errors`. */
    async gql(baseUrl, query, variables, token) {
      return parse(await post(`${baseUrl}/graphql`, { query, variables }, token));
    },
    /** The station's scan route (apps/api/src/modules/attendance/scan-route.ts): `{eventId, scans}` → `{results, counts}`; throws unless 2xx. */
    async uploadScans(baseUrl, eventId, scans, token) {
      const res = await post(`${baseUrl}/api/attendance/scans`, { eventId, scans }, token);
      const body = parse(res);
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.errors?.[0]?.extensions?.reason ?? ''} ${body.errors?.[0]?.message ?? res.text.slice(0, 300)}`);
      return body;
    },
    destroy: () => agent.destroy(),
  };
}

/** The first GraphQL error of an answer as an Error naming its code and reason (null when there is none). */
export function graphqlError(answer, what) {
  const e = answer.errors?.[0];
  if (!e) return null;
  return Object.assign(new Error(`${what}: ${e.extensions?.code ?? ''} ${e.extensions?.reason ?? ''} ${e.message}`), { extensions: e.extensions ?? {} });
}
