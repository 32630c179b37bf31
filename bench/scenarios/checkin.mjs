// Scenario "checkin" (docs/attendance.md#benchmark): 50,000 signed tickets at one fair with four gates.
// 1. Single online scans: many concurrent station clients each upload one scan per request
//    (`POST /api/attendance/scans` with one scan, the route the station uses), for a bounded time.
// 2. Offline batches: the tickets not yet scanned are uploaded in batches of 500 (an offline station's
//    queue draining), several stations at once; every fourth batch is uploaded twice (a retry after a
//    lost answer) and must come back ALREADY_RECORDED.
// 3. The same inserts straight through `pg` in the same run, on a second fair with its own registrations,
//    at the same client count as phase 1: one call of the scan function `attendance_record_scans` per scan
//    (what the API runs: scan log, check-in, counters) — the ratio's denominator — and, for reference, the
//    bare two inserts (scan log row + check-in row, ON CONFLICT DO NOTHING, no counters) on a third fair.
//    Ratio = single API scans per second / raw SQL scans per second.
// CPU: the API process's and PostgreSQL's CPU time per scan in each phase (from /proc), and the load average.
// Checks in SQL at the end: duplicates (a person with two check-ins, must be 0), lost scans (a scan the
// API answered that has no row, or an admitted ticket without a check-in, must be 0), and that the
// per-event counters equal the rows. Without DATABASE_URL it starts its own embedded PostgreSQL.
import { createPrivateKey, randomBytes, randomUUID, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  accessToken,
  assertBuilt,
  BENCH_SCALE,
  importDomain,
  log,
  migrate,
  openPool,
  percentile,
  provisionDatabase,
  round,
  scaled,
  startApi,
  withCleanup,
} from '../support/harness.mjs';
import { httpClient } from '../support/http-client.mjs';

export const description = '50,000 tickets at one fair: single online scans and offline batches of 500 through the API vs raw SQL inserts; duplicates and lost scans must be 0';

const TICKETS = Number(process.env.CHECKIN_TICKETS ?? scaled(50000, 5000));
const CLIENTS = Number(process.env.CHECKIN_CLIENTS ?? 32);
const SINGLE_MS = Number(process.env.CHECKIN_SINGLE_MS ?? scaled(12000, 3000));
const RAW_MS = Number(process.env.CHECKIN_RAW_MS ?? scaled(8000, 2000));
/** Registrations of the raw-SQL fair: more than its bounded run can insert. */
const RAW_TICKETS = Math.min(TICKETS, Number(process.env.CHECKIN_RAW_TICKETS ?? 20000));
const BATCH = 500;
const BATCH_CLIENTS = Number(process.env.CHECKIN_BATCH_CLIENTS ?? 4);
/** Bound on the offline phase: batches started after it are left (their tickets stay unscanned). */
const BATCH_MS = Number(process.env.CHECKIN_BATCH_MS ?? scaled(20000, 8000));
const REGION = '371302';
const KEY_ID = 'bench';

/** Tickets in the shared format (packages/domain tickets.ts), signed with node:crypto for speed (one is checked with the domain's verifier). */
function signer(seed) {
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  return (payload) => {
    const body = `LT1.${Buffer.from(JSON.stringify({ r: payload.r, e: payload.e, k: payload.k, t: payload.t })).toString('base64url')}`;
    return `${body}.${sign(null, Buffer.from(body), key).toString('base64url')}`;
  };
}

/** The station's scan route through node:http keep-alive (a station keeps its connection too; bench/support/http-client.mjs). */
const client = httpClient({ maxSockets: 64 });

const TICK_MS = 1000 / 100; // USER_HZ
/** CPU time (ms) of a process, and of all its children (PostgreSQL's backends), from /proc. */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
/** CPU ms of the postmaster listening on the port (embedded PostgreSQL) and of each of its backends, by pid. */
function postgresCpu(port) {
  let master = null;
  const all = [];
  for (const d of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [name, rest] = [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), stat.slice(stat.lastIndexOf(')') + 2).split(' ')];
      if (!name.startsWith('postgres')) continue;
      all.push({ pid: d, ppid: rest[1], ms: (Number(rest[11]) + Number(rest[12])) * TICK_MS });
      if (!master && readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes(String(port))) master = d;
    } catch {
      // gone
    }
  }
  if (!master) return null;
  return new Map(all.filter((p) => p.pid === master || p.ppid === master).map((p) => [p.pid, p.ms]));
}
function cpuMeter(apiPid, pgPort) {
  // Backends come and go (pools close idle connections): sample every 200 ms, and sum each backend's growth.
  const pg = new Map();
  const sample = () => {
    const now = pgPort ? postgresCpu(pgPort) : null;
    if (!now) return false;
    for (const [pid, ms] of now) {
      const seen = pg.get(pid);
      if (seen) seen.last = ms;
      else pg.set(pid, { first: started ? 0 : ms, last: ms });
    }
    return true;
  };
  let started = false;
  const pgKnown = sample();
  started = true;
  const timer = setInterval(sample, 200);
  const start = { api: cpuMs(apiPid), bench: process.cpuUsage(), at: performance.now() };
  return {
    /** CPU ms per operation since the meter started: API process, PostgreSQL, this bench process (the clients). */
    per(n) {
      clearInterval(timer);
      sample();
      const end = { api: cpuMs(apiPid), bench: process.cpuUsage(), at: performance.now() };
      const benchMs = (end.bench.user + end.bench.system - start.bench.user - start.bench.system) / 1000;
      const pgMs = [...pg.values()].reduce((s, p) => s + (p.last - p.first), 0);
      return {
        apiCpuMsPerScan: round((end.api - start.api) / n, 3),
        pgCpuMsPerScan: pgKnown ? round(pgMs / n, 3) : null,
        clientCpuMsPerScan: round(benchMs / n, 3),
        apiCpuShare: round((end.api - start.api) / (end.at - start.at), 2),
      };
    },
  };
}

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const t0 = performance.now();
    log('provisioning a fresh database …');
    const database = await provisionDatabase(cleanup);
    log(`database: ${database.description}`);
    log(`migrate: ${(await migrate(database.url)).split('\n').join(' | ')}`);
    const db = openPool(database.url, 20);
    cleanup.add('close bench pool', () => db.end());
    cleanup.add('close HTTP agent', () => client.destroy());
    // The API boots while the fixtures are written (it reads nothing of them at start).
    const seed = randomBytes(32);
    const secret = randomBytes(32).toString('hex');
    const apiStarting = startApi(database.url, cleanup, { JWT_SECRET: secret, TICKET_SIGNING_KEY: seed.toString('base64url'), TICKET_KEY_ID: KEY_ID });
    apiStarting.catch(() => undefined);
    const one = async (sql, params) => (await db.query(sql, params)).rows[0];

    // ---- fixtures (SQL): an organizer, two fairs (API, raw SQL) with four gates and 50,000 registrations each ----
    const organizer = await one(
      `INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('ORGANIZER', '基准签到组织者', 'bench.checkin.org@leye.test', 'x', $1) RETURNING id`,
      [REGION],
    );
    const fairs = [];
    for (const [k, title] of ['春风行动基准招聘会（API）', '春风行动基准招聘会（原生 SQL）', '春风行动基准招聘会（两条 INSERT）'].entries()) {
      const e = await one(
        `INSERT INTO event (title, description, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
         VALUES ($1, '基准', 'JOB_FAIR', 'GENERAL', $2, true, 'https://live.example.cn/bench', 60000, now() - interval '1 hour' + make_interval(mins => $3), now() + interval '5 hours',
                 'PUBLISHED', now(), $4) RETURNING id`,
        [title, REGION, k, organizer.id],
      );
      const gates = (await db.query(`INSERT INTO attendance_gate (event_id, name) SELECT $1, g FROM unnest(ARRAY['东门','西门','南门','北门']) g RETURNING id`, [e.id])).rows.map((r) => r.id);
      const regs = (
        await db.query(
          `INSERT INTO event_registration (event_id, walk_in, name, phone, status, registered_at)
           SELECT $1, true, '基准' || i, '13' || lpad(($3::int * 100000 + i)::text, 9, '0'), 'REGISTERED', now() FROM generate_series(1, $2) i
           RETURNING id, issued_at`,
          [e.id, k === 0 ? TICKETS : RAW_TICKETS, k],
        )
      ).rows;
      await db.query(`INSERT INTO registration_count (target_id, registered) VALUES ($1, $2)`, [e.id, regs.length]);
      fairs.push({ id: e.id, gates, regs });
    }
    await db.query('ANALYZE');
    const [apiFair, rawFair, insertFair] = fairs;
    const pgPort = database.local && !process.env.DATABASE_URL ? new URL(database.url).port : null;

    const signTicket = signer(seed);
    const ts = Math.floor(Date.now() / 1000);
    // Issued as the stations meet them (signing 50,000 up front only lengthens the set-up).
    const issued = new Map();
    const codes = { length: apiFair.regs.length, at: (i) => issued.get(i) ?? (issued.set(i, signTicket({ r: apiFair.regs[i].id, e: apiFair.id, k: KEY_ID, t: ts })), issued.get(i)) };
    const domain = await importDomain();
    const check = domain.verifyTicket(codes.at(0), { [KEY_ID]: domain.ticketPublicKey(new Uint8Array(seed)) });
    if (!check.ok) throw new Error(`bench tickets do not verify with the domain's verifier: ${check.reason}`);
    log(`fixtures: fairs of ${TICKETS} (API) and ${RAW_TICKETS} (raw SQL, twice) registrations, 4 gates each; tickets signed as scanned (${((performance.now() - t0) / 1000).toFixed(1)} s so far)`);

    const api = await apiStarting;
    log(`API ready at ${api.baseUrl} (pid ${api.pid})`);
    const token = accessToken(secret, organizer.id, 'ORGANIZER');
    const answered = new Map(); // scanId → outcome, every answer the API gave
    const scanOf = (i, opts = {}) => ({
      scanId: randomUUID(), gateId: apiFair.gates[i % 4], code: codes.at(i), scannedAt: new Date().toISOString(), offline: opts.offline ?? false,
    });

    // warm-up (JIT, pool, plan cache): 200 single scans, then counted with the rest
    let next = 0;
    for (let k = 0; k < 200; k++) {
      const s = scanOf(next++);
      const d = await client.uploadScans(api.baseUrl, apiFair.id, [s], token);
      answered.set(s.scanId, d.results[0].outcome);
    }

    // The tickets the single-scan phase may meet, signed before it (the raw phase signs nothing either).
    for (let i = next; i < Math.min(next + Number(process.env.CHECKIN_PRESIGN ?? 8000), TICKETS); i++) codes.at(i);

    // ---- 1. single online scans from many clients ----
    const latencies = [];
    const failures = [];
    const singleCpu = cpuMeter(api.pid, pgPort);
    const singleStart = performance.now();
    const singleDeadline = singleStart + SINGLE_MS;
    const singleLimit = Math.floor(TICKETS * 0.6);
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < singleLimit && performance.now() < singleDeadline) {
          const s = scanOf(next++);
          const a = performance.now();
          try {
            const d = await client.uploadScans(api.baseUrl, apiFair.id, [s], token);
            latencies.push(performance.now() - a);
            answered.set(s.scanId, d.results[0].outcome);
          } catch (error) {
            failures.push(error.message);
          }
        }
      }),
    );
    const singleMs = performance.now() - singleStart;
    const singleCpuPer = singleCpu.per(latencies.length);
    const singleLoad = loadavg()[0];
    latencies.sort((x, y) => x - y);
    const checkinsPerSec = latencies.length / (singleMs / 1000);
    log(`single scans: ${latencies.length} in ${(singleMs / 1000).toFixed(1)} s at ${CLIENTS} clients → ${checkinsPerSec.toFixed(0)}/s, p50 ${percentile(latencies, 50)?.toFixed(1)} ms, p99 ${percentile(latencies, 99)?.toFixed(1)} ms, ${failures.length} failed; CPU per scan: API ${singleCpuPer.apiCpuMsPerScan} ms, PostgreSQL ${singleCpuPer.pgCpuMsPerScan ?? '?'} ms, clients ${singleCpuPer.clientCpuMsPerScan} ms; load ${singleLoad.toFixed(2)}`);

    // ---- 2. offline batches of 500 (the rest of the tickets), every fourth uploaded twice ----
    const batches = [];
    for (let i = next; i < TICKETS; i += BATCH) batches.push(Array.from({ length: Math.min(BATCH, TICKETS - i) }, (_, k) => scanOf(i + k, { offline: true })));
    next = TICKETS;
    const batchLatencies = [];
    let replayedAgain = 0;
    const retried = [];
    let replayWrong = 0;
    let b = 0;
    const batchStart = performance.now();
    const batchDeadline = batchStart + BATCH_MS;
    await Promise.all(
      Array.from({ length: BATCH_CLIENTS }, async () => {
        while (b < batches.length && performance.now() < batchDeadline) {
          const k = b++;
          const scans = batches[k];
          const a = performance.now();
          // A station keeps its queue until an upload is answered, and uploads it again (same scan ids) if not.
          let d = null;
          for (let attempt = 0; attempt < 3 && !d; attempt++) {
            try {
              d = await client.uploadScans(api.baseUrl, apiFair.id, scans, token);
            } catch (error) {
              retried.push(error.message);
            }
          }
          if (!d) {
            failures.push(retried.at(-1));
            continue;
          }
          batchLatencies.push(performance.now() - a);
          // After a retry, ALREADY_RECORDED means the earlier attempt did record it: the first answer that counts.
          for (const r of d.results) answered.set(r.scanId, r.outcome === 'ALREADY_RECORDED' ? 'ADMITTED' : r.outcome);
          if (k % 4 === 0) {
            const again = await client.uploadScans(api.baseUrl, apiFair.id, scans, token);
            replayedAgain += again.results.length;
            replayWrong += again.results.filter((r) => r.outcome !== 'ALREADY_RECORDED').length;
          }
        }
      }),
    );
    const batchMs = performance.now() - batchStart;
    const batchScans = batches.slice(0, b).reduce((s, x) => s + x.length, 0);
    batchLatencies.sort((x, y) => x - y);
    log(`offline batches: ${b} of ${batches.length} × ≤${BATCH} (${batchScans} scans) in ${(batchMs / 1000).toFixed(1)} s at ${BATCH_CLIENTS} clients → ${(batchScans / (batchMs / 1000)).toFixed(0)} scans/s, p99 batch ${percentile(batchLatencies, 99)?.toFixed(0)} ms; ${replayedAgain} replayed, ${replayWrong} not ALREADY_RECORDED; ${retried.length} uploads retried${retried[0] ? ` (${retried[0].slice(0, 120)})` : ''}`);

    // ---- 3. the same scans straight through pg, same client count: the scan function per scan (second fair) ----
    const RAW = `SELECT * FROM attendance_record_scans($1, NULL, ARRAY[$2]::uuid[], ARRAY[$3]::uuid[], ARRAY[$4]::uuid[], ARRAY[now()], ARRAY[false],
      ARRAY[NULL]::text[], ARRAY[$5]::uuid[], interval '10 minutes', $6::smallint)`;
    const rawPhase = async (fair, sql, params) => {
      const lat = [];
      let r = 0;
      const meter = cpuMeter(api.pid, pgPort);
      const start = performance.now();
      const deadline = start + RAW_MS;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (r < RAW_TICKETS && performance.now() < deadline) {
            const i = r++;
            const a = performance.now();
            await db.query(sql, params(fair, i));
            lat.push(performance.now() - a);
          }
        }),
      );
      const ms = performance.now() - start;
      const cpu = meter.per(lat.length);
      lat.sort((x, y) => x - y);
      return { n: lat.length, perSec: lat.length / (ms / 1000), p99: percentile(lat, 99), ms, pgCpuMsPerScan: cpu.pgCpuMsPerScan, clientCpuMsPerScan: cpu.clientCpuMsPerScan };
    };
    const raw = await rawPhase(rawFair, RAW, (fair, i) => [fair.id, randomUUID(), fair.gates[i % 4], fair.regs[i].id, organizer.id, i % 8]);
    const rawSqlPerSec = raw.perSec;
    const ratio = checkinsPerSec / rawSqlPerSec;
    log(`raw SQL (scan function per scan): ${raw.n} in ${(raw.ms / 1000).toFixed(1)} s at ${CLIENTS} clients → ${rawSqlPerSec.toFixed(0)}/s, p99 ${raw.p99?.toFixed(1)} ms, PostgreSQL CPU ${raw.pgCpuMsPerScan ?? '?'} ms/scan; ratio ${ratio.toFixed(2)} (target ≥ 0.5)`);
    // For reference: the bare two inserts (no counters, no checks), third fair.
    const INSERTS = `WITH s AS (
        INSERT INTO attendance_scan (scan_id, event_id, gate_id, registration_id, offline, scanned_at, scanned_by, outcome)
        VALUES ($1, $2, $3, $4, false, now(), $5, 'ADMITTED') ON CONFLICT DO NOTHING RETURNING scan_id)
      INSERT INTO attendance_checkin (event_id, registration_id, gate_id, scan_id, offline, admitted_at)
      SELECT $2, $4, $3, scan_id, false, now() FROM s ON CONFLICT DO NOTHING`;
    const bare = await rawPhase(insertFair, INSERTS, (fair, i) => [randomUUID(), fair.id, fair.gates[i % 4], fair.regs[i].id, organizer.id]);
    log(`raw SQL (two bare inserts per scan): ${bare.n} → ${bare.perSec.toFixed(0)}/s, p99 ${bare.p99?.toFixed(1)} ms; API single scans / bare inserts ${(checkinsPerSec / bare.perSec).toFixed(2)}`);

    // ---- invariants ----
    const { rows: [inv] } = await db.query(
      `SELECT (SELECT count(*)::int FROM attendance_checkin WHERE event_id = $1) AS checkins,
              (SELECT count(*)::int FROM attendance_scan WHERE event_id = $1) AS scans,
              (SELECT coalesce(sum(admitted), 0)::int FROM event_attendance WHERE event_id = $1) AS counter_admitted,
              (SELECT coalesce(sum(scans), 0)::int FROM event_attendance WHERE event_id = $1) AS counter_scans,
              (SELECT count(*)::int FROM (SELECT registration_id FROM attendance_checkin WHERE event_id = $1 GROUP BY registration_id HAVING count(*) > 1) d) AS dup_rows`,
      [apiFair.id],
    );
    const scanIds = [...answered.keys()];
    const { rows: [found] } = await db.query(`SELECT count(*)::int AS n FROM attendance_scan WHERE scan_id = ANY($1::uuid[])`, [scanIds]);
    const admittedAnswers = [...answered.values()].filter((o) => o === 'ADMITTED').length;
    const duplicates = inv.dup_rows + Math.max(0, admittedAnswers - inv.checkins) + replayWrong;
    const lost = scanIds.length - found.n + Math.max(0, inv.checkins - admittedAnswers) + failures.length;
    const problems = [];
    if (duplicates) problems.push(`${duplicates} duplicates`);
    if (lost) problems.push(`${lost} lost scans (${failures.length} failed requests${failures[0] ? `: ${failures[0]}` : ''})`);
    if (inv.counter_admitted !== inv.checkins) problems.push(`counter says ${inv.counter_admitted} admitted, ${inv.checkins} check-in rows`);
    if (inv.counter_scans !== inv.scans) problems.push(`counter says ${inv.counter_scans} scans, ${inv.scans} scan rows`);
    const scanned = latencies.length + 200 + batchScans;
    if (admittedAnswers !== scanned) problems.push(`${admittedAnswers} of ${scanned} tickets scanned answered ADMITTED`);
    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);
    log(`check-ins ${inv.checkins}, scan rows ${inv.scans}, duplicates ${duplicates}, lost ${lost}; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    console.log(
      JSON.stringify({
        scenario: 'checkin',
        tickets: TICKETS,
        clients: CLIENTS,
        checkinsPerSec: round(checkinsPerSec, 1),
        p50Ms: round(percentile(latencies, 50), 1),
        p99Ms: round(percentile(latencies, 99), 1),
        singleScans: latencies.length,
        batchScans,
        batchScansPerSec: round(batchScans / (batchMs / 1000), 1),
        batchP99Ms: round(percentile(batchLatencies, 99), 1),
        replayed: replayedAgain,
        retriedUploads: retried.length,
        duplicates,
        lost,
        rawSqlPerSec: round(rawSqlPerSec, 1),
        rawSqlP99Ms: round(raw.p99, 1),
        ratio: round(ratio, 2),
        rawInsertsPerSec: round(bare.perSec, 1),
        ratioToBareInserts: round(checkinsPerSec / bare.perSec, 2),
        ...singleCpuPer,
        rawPgCpuMsPerScan: raw.pgCpuMsPerScan,
        loadAvg1: round(singleLoad, 2),
        loadAvg: loadavg().map((x) => round(x, 2)),
        seconds: round((performance.now() - t0) / 1000, 1),
        database: database.label,
        scale: BENCH_SCALE,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
