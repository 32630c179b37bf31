import pg from 'pg';
import { addDays, addMonths, shanghaiDate } from '../src/common/time.js';
import { JobQueue } from '../src/common/jobs/job-queue.service.js';
import { HorizonJob } from '../src/modules/events/series/horizon.job.js';
import { CREATE_EVENT, createVenue, eventInput, signedInAs } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const CANCEL = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id status } }`;
const ASSIGN = `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`;
const FAILED = `query($take: Int) { failedJobs(take: $take) { total items { id name error attempts createdAt failedAt } } }`;
const RETRY = `mutation($id: ID!) { retryJob(id: $id) { id name } }`;
const CREATE_SERIES = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id occurrenceCount } }`;
const CANCELLED_QUEUE = 'event.EventNotificationsSubscriber.notifyCancelled';

/** A published event with `staff` attached users; returns its id and the organizer who created it. */
async function eventWithStaff(t: TestApp, staffIds: string[], startsAt: string) {
  const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
  const created = await t.gql(CREATE_EVENT, { input: eventInput({ venueId: await createVenue(t), startsAt }), publish: true }, organizer.token);
  const id = created.data!.createEvent.id as string;
  for (const u of staffIds) await t.gql(ASSIGN, { e: id, u }, organizer.token);
  return { id, organizer };
}

/** A trigger that makes the next `times` notification inserts fail (a sequence survives the rollback). */
async function failNotificationInserts(t: TestApp, times: number): Promise<void> {
  await t.ds.query(`CREATE SEQUENCE IF NOT EXISTS test_notification_failures`);
  await t.ds.query(`
    CREATE OR REPLACE FUNCTION test_fail_notification() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('test_notification_failures') <= ${times} THEN RAISE EXCEPTION 'injected failure for the test'; END IF;
      RETURN NEW;
    END $$`);
  await t.ds.query(`CREATE TRIGGER test_fail_notification BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION test_fail_notification()`);
}

async function stopFailing(t: TestApp): Promise<void> {
  await t.ds.query(`DROP TRIGGER IF EXISTS test_fail_notification ON notification`);
  await t.ds.query(`DROP SEQUENCE IF EXISTS test_notification_failures`);
}

const databaseUrl = (t: TestApp) => (t.ds.options as { url: string }).url;

const cancelledNotices = (t: TestApp, eventId: string): Promise<Array<{ user_id: string }>> =>
  t.ds.query(`SELECT user_id FROM notification WHERE kind = 'EVENT_CANCELLED' AND data->>'eventId' = $1`, [eventId]);

describe('durable side effects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('commits a change whose notification subscriber fails, and notifies after a retry', async () => {
    const mentor = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
    const { id, organizer } = await eventWithStaff(t, [mentor.id], '2027-10-04T01:00:00Z');
    await failNotificationInserts(t, 1);
    try {
      const res = await t.gql(CANCEL, { id, reason: '场馆检修' }, organizer.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.cancelEvent.status).toBe('CANCELLED');
      const [{ status }] = await t.ds.query(`SELECT status FROM event WHERE id = $1`, [id]);
      expect(status).toBe('CANCELLED');
      await jobsSettled(t);
    } finally {
      await stopFailing(t);
    }
    expect((await cancelledNotices(t, id)).map((r) => r.user_id)).toEqual([mentor.id]);
    const [job] = await t.ds.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND data->'payload'->>'eventId' = $2`, [CANCELLED_QUEUE, id]);
    expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('loses nothing when the process stops between commit and delivery', async () => {
    const api = await createTestApp({ RUN_WORKERS: 'false' });
    let worker: TestApp | undefined;
    try {
      const mentor = await signedInAs(api, 'MENTOR', { regionCode: '371302' });
      const { id, organizer } = await eventWithStaff(api, [mentor.id], '2027-10-05T01:00:00Z');
      expect((await api.gql(CANCEL, { id, reason: '暂停' }, organizer.token)).data!.cancelEvent.status).toBe('CANCELLED');
      await new Promise((r) => setTimeout(r, 1500)); // several poll intervals: nobody works this queue
      expect(await cancelledNotices(api, id)).toEqual([]);
      await api.close({ keepDatabase: true });

      worker = await createTestApp({}, { database: api.database });
      const notices = await eventually(async () => {
        const rows = await cancelledNotices(worker!, id);
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(notices[0]!.user_id).toBe(mentor.id);
    } finally {
      await (worker ?? api).close();
    }
  });

  it('pushes over the API’s sockets what a separate worker process delivered, once', async () => {
    const api = await createTestApp({ RUN_WORKERS: 'false' });
    const worker = await createTestApp({}, { database: api.database });
    try {
      const mentor = await signedInAs(api, 'MENTOR', { regionCode: '371302' });
      const received: Array<{ kind: string }> = [];
      (await api.socket(mentor.token)).on('notification:new', (n: { kind: string }) => received.push(n));
      const { id, organizer } = await eventWithStaff(api, [mentor.id], '2027-10-09T01:00:00Z');
      await api.gql(CANCEL, { id, reason: '场地变更' }, organizer.token);
      await eventually(async () => expect(received.map((n) => n.kind)).toEqual(['EVENT_CANCELLED']));
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toHaveLength(1);
    } finally {
      await worker.close({ keepDatabase: true });
      await api.close();
    }
  });

  it('lets a running job finish when the app shuts down', async () => {
    const app = await createTestApp();
    const blocker = new pg.Client({ connectionString: databaseUrl(app) });
    await blocker.connect();
    try {
      const mentor = await signedInAs(app, 'MENTOR', { regionCode: '371302' });
      const { id, organizer } = await eventWithStaff(app, [mentor.id], '2027-10-10T01:00:00Z');
      // Hold the notification table so the fan-out job blocks mid-way, then shut down around it.
      await blocker.query(`BEGIN; LOCK TABLE notification IN EXCLUSIVE MODE`);
      await app.gql(CANCEL, { id, reason: '停电' }, organizer.token);
      await eventually(async () => {
        const [job] = await blocker.query(`SELECT state FROM pgboss.job WHERE name = $1 AND data->'payload'->>'eventId' = $2`, [CANCELLED_QUEUE, id]).then((r) => r.rows);
        expect(job?.state).toBe('active');
      });
      const closing = app.close({ keepDatabase: true });
      await new Promise((r) => setTimeout(r, 700));
      await blocker.query(`COMMIT`);
      await closing;
      const job = await blocker.query(`SELECT state FROM pgboss.job WHERE name = $1 AND data->'payload'->>'eventId' = $2`, [CANCELLED_QUEUE, id]);
      expect(job.rows).toEqual([{ state: 'completed' }]);
      const notes = await blocker.query(`SELECT user_id FROM notification WHERE kind = 'EVENT_CANCELLED' AND data->>'eventId' = $1`, [id]);
      expect(notes.rows).toEqual([{ user_id: mentor.id }]);
    } finally {
      await blocker.end();
      await (await createTestApp({ RUN_WORKERS: 'false' }, { database: app.database })).close();
    }
  });

  it('cancels a fair with 2,000 attached users in the time of one write; the workers notify all 2,000', async () => {
    // The API tier (workers off) and, once the mutation has answered, a worker tier on the same database.
    const api = await createTestApp({ RUN_WORKERS: 'false' });
    let worker: TestApp | undefined;
    try {
      const { id, organizer } = await eventWithStaff(api, [], '2027-10-06T01:00:00Z');
      await api.ds.query(
        `WITH u AS (
           INSERT INTO app_user (role, display_name, email, password_hash)
           SELECT 'HOST', '志愿者 ' || g, 'volunteer' || g || '.' || $2 || '@example.test', 'not-a-hash' FROM generate_series(1, 2000) g
           RETURNING id)
         INSERT INTO event_staff (event_id, user_id) SELECT $1::uuid, id FROM u`,
        [id, id.slice(0, 8)],
      );
      // For comparison: cancelling an event nobody is attached to.
      const small = await eventWithStaff(api, [], '2027-10-07T01:00:00Z');
      let started = performance.now();
      await api.gql(CANCEL, { id: small.id, reason: '对照' }, small.organizer.token);
      const oneWriteMs = performance.now() - started;

      started = performance.now();
      const res = await api.gql(CANCEL, { id, reason: '台风' }, organizer.token);
      const cancelMs = performance.now() - started;
      expect(res.data!.cancelEvent.status).toBe('CANCELLED');
      // The mutation wrote no notice itself: none exist until a worker runs.
      expect(await cancelledNotices(api, id)).toEqual([]);
      expect(cancelMs).toBeLessThan(Math.max(1000, oneWriteMs * 5));

      started = performance.now();
      worker = await createTestApp({}, { database: api.database });
      const bootMs = performance.now() - started;
      await eventually(async () => expect((await cancelledNotices(api, id)).length).toBe(2000), 60_000);
      const allNotifiedMs = performance.now() - started;
      console.log(
        `[jobs] cancel with 2,000 attached: ${cancelMs.toFixed(0)} ms (no one attached: ${oneWriteMs.toFixed(0)} ms); ` +
          `worker booted in ${bootMs.toFixed(0)} ms, all 2,000 notified ${allNotifiedMs.toFixed(0)} ms after its start`,
      );
    } finally {
      await worker?.close({ keepDatabase: true });
      await api.close();
    }
  }, 90_000);

  it('tells staff of each occurrence a series edit changed, once per occurrence even when the job runs again', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const mentor = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
    const input = {
      title: '每周直播带岗', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', regionCode: '371302', capacity: 50, isOnline: true, onlineUrl: 'https://live.example.cn/w',
      pattern: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR', startDate: '2028-03-01', untilDate: '2028-03-31', startTime: '19:00', durationMinutes: 60, holidayPolicy: 'KEEP' },
    };
    const seriesId = (await t.gql(CREATE_SERIES, { input }, organizer.token)).data!.createEventSeries.id;
    const occurrences: Array<{ id: string }> = await t.ds.query(`SELECT id FROM event WHERE series_id = $1 ORDER BY starts_at LIMIT 2`, [seriesId]);
    for (const o of occurrences) await t.gql(ASSIGN, { e: o.id, u: mentor.id }, organizer.token);
    const UPDATE = `mutation($id: ID!, $input: EventUpdateInput!, $scope: EditScope!) { updateEvent(id: $id, input: $input, scope: $scope) { id } }`;
    expect((await t.gql(UPDATE, { id: occurrences[0]!.id, input: { title: '每周直播带岗（新）' }, scope: 'ALL' }, organizer.token)).errors).toBeUndefined();
    await jobsSettled(t);
    const notices = () => t.ds.query(`SELECT data->>'eventId' AS "eventId" FROM notification WHERE user_id = $1 AND kind = 'EVENT_CHANGED' ORDER BY 1`, [mentor.id]);
    const expected = occurrences.map((o) => ({ eventId: o.id })).sort((a, b) => a.eventId.localeCompare(b.eventId));
    expect(await notices()).toEqual(expected);
    const [job] = await t.ds.query(`SELECT data FROM pgboss.job WHERE name = 'event.EventNotificationsSubscriber.notifyUpdated' AND data->'payload'->'eventIds' ? $1`, [occurrences[0]!.id]);
    await t.app.get(JobQueue).runNow('event.EventNotificationsSubscriber.notifyUpdated', job.data);
    expect(await notices()).toEqual(expected);
  });

  it('drains a backlog batch after batch without waiting out the poll interval between full batches', async () => {
    // 35 jobs wait while no worker runs; then a worker polling once a minute starts. pg-boss takes 10 per fetch and
    // would wait a minute after each batch; full batches are followed by the next fetch at once instead.
    const api = await createTestApp({ RUN_WORKERS: 'false' });
    let worker: TestApp | undefined;
    try {
      const queue = api.app.get(JobQueue);
      for (let i = 0; i < 35; i++) await queue.send('auth.prune-sessions', {});
      worker = await createTestApp({ JOB_POLL_INTERVAL_MS: '60000' }, { database: api.database });
      await eventually(async () => {
        const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'auth.prune-sessions' AND state = 'completed'`);
        expect(n).toBe(35);
      }, 30_000);
    } finally {
      await worker?.close({ keepDatabase: true });
      await api.close();
    }
  }, 90_000);

  it('shows admins a job that failed for good, and retries it on request', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const mentor = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
    const { id, organizer } = await eventWithStaff(t, [mentor.id], '2027-10-08T01:00:00Z');
    await failNotificationInserts(t, 1000);
    try {
      await t.gql(CANCEL, { id, reason: '取消' }, organizer.token);
      // No retries left for this one job, so its first failure is final.
      await t.ds.query(`UPDATE pgboss.job SET retry_limit = 0 WHERE name = $1 AND data->'payload'->>'eventId' = $2`, [CANCELLED_QUEUE, id]);
      const failed = await eventually(async () => {
        const page = (await t.gql(FAILED, { take: 50 }, admin.token)).data!.failedJobs;
        const job = page.items.find((j: { name: string }) => j.name === CANCELLED_QUEUE);
        expect(job).toMatchObject({ error: expect.stringContaining('injected failure'), attempts: 1, failedAt: expect.any(String) });
        return job as { id: string };
      });
      expect(await cancelledNotices(t, id)).toEqual([]);
      await stopFailing(t);
      expect((await t.gql(RETRY, { id: failed.id }, admin.token)).data!.retryJob).toMatchObject({ id: failed.id, name: CANCELLED_QUEUE });
      await eventually(async () => expect((await cancelledNotices(t, id)).map((r) => r.user_id)).toEqual([mentor.id]));
      expect((await t.gql(RETRY, { id: failed.id }, admin.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    } finally {
      await stopFailing(t);
    }
  });

  it('refuses the jobs queries to everyone but admins', async () => {
    for (const role of ['ORGANIZER', 'MENTOR', 'SEEKER'] as const) {
      const someone = await signedInAs(t, role);
      expect((await t.gql(FAILED, {}, someone.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' }, someone.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(FAILED, {})).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const admin = await signedInAs(t, 'ADMIN');
    expect((await t.gql(FAILED, { take: 51 }, admin.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(RETRY, { id: 'nope' }, admin.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('scheduled jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('extends every other series when one series fails', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const start = addDays(shanghaiDate(new Date()), 1);
    const ids: string[] = [];
    for (const rrule of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TH']) {
      const input = {
        title: `系列 ${rrule}`, type: 'TRAINING', subtype: 'SKILLS', regionCode: '371302', capacity: 50, isOnline: true, onlineUrl: 'https://live.example.cn/s',
        pattern: { kind: 'RRULE', rrule, startDate: start, startTime: '09:00', durationMinutes: 60, holidayPolicy: 'KEEP' },
      };
      const created = await t.gql(CREATE_SERIES, { input }, organizer.token);
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createEventSeries.id);
    }
    // All three lag three months behind; the middle one's rule is corrupted.
    for (const id of ids) {
      await t.ds.query(`DELETE FROM event WHERE series_id = $1 AND occurrence_key > (SELECT materialized_until - 91 FROM event_series WHERE id = $1)`, [id]);
      await t.ds.query(`UPDATE event_series SET materialized_until = materialized_until - 91 WHERE id = $1`, [id]);
    }
    await t.ds.query(`UPDATE event_series SET rrule = 'FREQ=SOMETIMES;BYDAY=XX' WHERE id = $1`, [ids[1]]);

    await expect(t.app.get(HorizonJob).run()).rejects.toThrow(new RegExp(`1 series failed \\(${ids[1]}:`));
    const target = addMonths(shanghaiDate(new Date()), t.config.seriesHorizonMonths);
    const rows: Array<{ id: string; until: string }> = await t.ds.query(
      `SELECT id, to_char(materialized_until, 'YYYY-MM-DD') AS until FROM event_series WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const until = new Map(rows.map((r) => [r.id, r.until]));
    expect(until.get(ids[0]!)).toBe(target);
    expect(until.get(ids[2]!)).toBe(target);
    expect(until.get(ids[1]!)! < target).toBe(true);
  });

  it('completes published events after they end, and leaves the rest alone', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const make = async (publish: boolean) => {
      const res = await t.gql(CREATE_EVENT, { input: eventInput({ isOnline: true, onlineUrl: 'https://live.example.cn/x', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', startsAt: '2027-11-01T01:00:00Z' }), publish }, organizer.token);
      return res.data!.createEvent.id as string;
    };
    const [ended, endedDraft, running, future] = [await make(true), await make(false), await make(true), await make(true)];
    await t.ds.query(`UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[ended, endedDraft]]);
    await t.ds.query(`UPDATE event SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`, [running]);

    expect(await t.app.get(JobQueue).runNow('events.complete-ended')).toEqual({ completed: 1 });
    const statuses: Array<{ id: string; status: string }> = await t.ds.query(`SELECT id, status FROM event WHERE id = ANY($1::uuid[])`, [[ended, endedDraft, running, future]]);
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [ended]: 'COMPLETED', [endedDraft]: 'DRAFT', [running]: 'PUBLISHED', [future]: 'PUBLISHED' });
    expect(await t.app.get(JobQueue).runNow('events.complete-ended')).toEqual({ completed: 0 });
  });

  it('prunes expired refresh tokens and old login failures', async () => {
    const user = await signedInAs(t, 'SEEKER');
    await t.ds.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES
         ($1::uuid, gen_random_uuid(), 'old-' || $1::text, now() - interval '3 days'), ($1::uuid, gen_random_uuid(), 'fresh-' || $1::text, now() + interval '3 days')`,
      [user.id],
    );
    await t.ds.query(`INSERT INTO login_failure (login_key, created_at) VALUES ('prune-test', now() - interval '3 days'), ('prune-test', now())`);
    const result = await t.app.get(JobQueue).runNow('auth.prune-sessions');
    expect(result).toMatchObject({ refreshTokens: 1, loginFailures: 1 });
    expect(await t.ds.query(`SELECT token_hash FROM refresh_token WHERE user_id = $1 AND token_hash LIKE '%-' || $1::text ORDER BY 1`, [user.id])).toEqual([{ token_hash: `fresh-${user.id}` }]);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM login_failure WHERE login_key = 'prune-test'`)).toEqual([{ n: 1 }]);
  });

  it('schedules the jobs in Asia/Shanghai where workers run with SCHEDULED_JOBS on', async () => {
    const scheduled = await createTestApp({ SCHEDULED_JOBS: 'true' });
    try {
      const rows: Array<{ name: string; cron: string; timezone: string }> = await scheduled.ds.query(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
      expect(rows).toEqual([
        { name: 'auth.prune-sessions', cron: '30 3 * * *', timezone: 'Asia/Shanghai' },
        { name: 'events.complete-ended', cron: '*/5 * * * *', timezone: 'Asia/Shanghai' },
        { name: 'personal-data.rekey', cron: '40 2 * * *', timezone: 'Asia/Shanghai' },
        { name: 'postings.expire', cron: '5 0 * * *', timezone: 'Asia/Shanghai' },
        { name: 'quotas.evaluate-alerts', cron: '20 * * * *', timezone: 'Asia/Shanghai' },
        { name: 'series.extend-horizons', cron: '0 */6 * * *', timezone: 'Asia/Shanghai' },
      ]);
    } finally {
      await scheduled.close();
    }
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM pgboss.schedule`)).toEqual([{ n: 0 }]);
  });
});
