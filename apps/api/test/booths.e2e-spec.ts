import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { JobQueue } from '../src/common/jobs/job-queue.service.js';
import { HOLD_EXPIRY_QUEUE, OFFER_EXPIRY_QUEUE } from '../src/modules/booths/booths.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createVenue, eventAs, signedInAs } from './support/factories.js';
import { boothEmployers, boothFair, boothsInput, CONFIGURE, CONFIRM, HOLD, LAYOUT, SAVE, type Member } from './support/booths.js';
import { eventually, jobsSettled } from './support/jobs.js';
import { seedDemoData } from '../src/database/seed/demo-data.js';

/**
 * Booth booking against the real app and PostgreSQL: races end as the constraints say, the
 * waitlist promotes, the calendar's cancellation takes the bookings with it, sockets hear changes.
 */

let t: TestApp;
let organizer: string;
let venueId: string;
let slot = 0;
/** A distinct future start per fair (venue clashes are checked by the calendar). */
const nextStart = () => new Date(Date.UTC(2031, 0, 5, 1) + slot++ * 8 * 3600_000).toISOString();
const HOUR = 3600_000;

const MAP = `query($eventId: ID!) { fairBoothMap(eventId: $eventId) { freeCount freeBoothCodes booths { boothId code status state employerName mine } } }`;
const JOIN = `mutation($eventId: ID!) { joinBoothWaitlist(eventId: $eventId) { id status position } }`;
const MY_WAITLIST = `{ myWaitlistEntries { id eventId status offerBookingId offeredBoothCode offerExpiresAt } }`;

const employers = (n: number, status: 'VERIFIED' | 'PENDING' = 'VERIFIED') => boothEmployers(t, n, status);
const fair = (count: number, settings: Record<string, unknown> = {}) => boothFair(t, organizer, venueId, nextStart(), count, settings);

const reasonOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.reason;
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

async function book(m: Member, eventId: string, boothId: string): Promise<string> {
  const held = await t.gql(HOLD, { eventId, boothId }, m.token);
  if (held.errors) throw new Error(JSON.stringify(held.errors));
  const confirmed = await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, m.token);
  if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
  return held.data!.holdBooth.id;
}

const activeCount = async (eventId: string) =>
  (await t.ds.query(`SELECT count(*)::int AS n FROM booth_booking WHERE event_id = $1 AND status IN ('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`, [eventId]))[0].n as number;

describe('booths', () => {
  beforeAll(async () => {
    t = await createTestApp();
    organizer = (await signedInAs(t, 'ORGANIZER', { regionCode: '371302' })).token;
    venueId = await createVenue(t, '371302');
  });
  afterAll(() => t.close());

  describe('floor plans', () => {
    it('saves the full set of booths with an optimistic version check, and keeps booked booths', async () => {
      const layout = await t.gql(LAYOUT, { input: { venueId, name: `编辑器${randomBytes(3).toString('hex')}`, width: 400, height: 400 } }, organizer);
      const layoutId = layout.data!.createVenueLayout.id;
      const first = await t.gql(SAVE, { layoutId, version: 1, booths: boothsInput(3) }, organizer);
      expect(first.data!.saveLayoutBooths).toMatchObject({ version: 2 });
      expect(first.data!.saveLayoutBooths.booths.map((b: { code: string }) => b.code)).toEqual(['A01', 'A02', 'A03']);
      // A second editor still on version 1 gets CONFLICT.
      const stale = await t.gql(SAVE, { layoutId, version: 1, booths: boothsInput(2) }, organizer);
      expect([codeOf(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'LAYOUT_CHANGED']);
      const dupes = await t.gql(SAVE, { layoutId, version: 2, booths: [...boothsInput(1), ...boothsInput(1)] }, organizer);
      expect(reasonOf(dupes)).toBe('DUPLICATE_BOOTH_CODE');
      // A county organizer elsewhere may not edit it.
      const other = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
      expect(codeOf(await t.gql(SAVE, { layoutId, version: 2, booths: [] }, other.token))).toBe('FORBIDDEN');

      // Booked booths cannot be removed; unused layouts can be deleted, used ones not.
      const eventId = await eventAs(t, organizer, { venueId, startsAt: nextStart() });
      await t.gql(CONFIGURE, { input: { eventId, layoutId, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + HOUR).toISOString() } }, organizer);
      const [m] = await employers(1);
      await book(m!, eventId, first.data!.saveLayoutBooths.booths[0].id);
      const removeBooked = await t.gql(SAVE, { layoutId, version: 2, booths: boothsInput(3).slice(1) }, organizer);
      expect([reasonOf(removeBooked), (removeBooked.errors![0]!.extensions!.params as Record<string, unknown>).codes]).toEqual(['BOOTH_HAS_BOOKINGS', 'A01']);
      const removeFree = await t.gql(SAVE, { layoutId, version: 2, booths: boothsInput(2) }, organizer);
      expect(removeFree.data!.saveLayoutBooths.booths).toHaveLength(2);
      expect(reasonOf(await t.gql(`mutation($id: ID!) { deleteVenueLayout(id: $id) }`, { id: layoutId }, organizer))).toBe('LAYOUT_IN_USE');
      const unused = await t.gql(LAYOUT, { input: { venueId, name: `空${randomBytes(3).toString('hex')}`, width: 100, height: 100 } }, organizer);
      expect((await t.gql(`mutation($id: ID!) { deleteVenueLayout(id: $id) }`, { id: unused.data!.createVenueLayout.id }, organizer)).data).toEqual({ deleteVenueLayout: true });
    });

    it('resizes a plan with its booths; a size too small for them is refused with the booths outside', async () => {
      const RESIZE = `mutation($layoutId: ID!, $version: Int!, $booths: [BoothInput!]!, $width: Int, $height: Int) {
        saveLayoutBooths(layoutId: $layoutId, version: $version, booths: $booths, width: $width, height: $height) { version width height booths { code } } }`;
      const layout = await t.gql(LAYOUT, { input: { venueId, name: `改尺寸${randomBytes(3).toString('hex')}`, width: 400, height: 400 } }, organizer);
      const layoutId = layout.data!.createVenueLayout.id;
      const booths = boothsInput(3); // x 10–110, y 10–40
      const grown = await t.gql(RESIZE, { layoutId, version: 1, booths, width: 800, height: 500 }, organizer);
      expect(grown.data!.saveLayoutBooths).toMatchObject({ version: 2, width: 800, height: 500 });
      // Too narrow for the last booth: refused, naming it; nothing changes (version, size).
      const tooSmall = await t.gql(RESIZE, { layoutId, version: 2, booths, width: 109, height: 500 }, organizer);
      expect([codeOf(tooSmall), reasonOf(tooSmall)]).toEqual(['BAD_USER_INPUT', 'BOOTH_OUTSIDE_PLAN']);
      expect((tooSmall.errors![0]!.extensions!.params as Record<string, unknown>).codes).toBe('A03');
      const fit = await t.gql(RESIZE, { layoutId, version: 2, booths, width: 110, height: 40 }, organizer);
      expect(fit.data!.saveLayoutBooths).toMatchObject({ version: 3, width: 110, height: 40 });
      // Without a size the plan keeps its own; out-of-range sizes are bad input.
      expect((await t.gql(RESIZE, { layoutId, version: 3, booths }, organizer)).data!.saveLayoutBooths).toMatchObject({ version: 4, width: 110, height: 40 });
      expect(codeOf(await t.gql(RESIZE, { layoutId, version: 4, booths, width: 5 }, organizer))).toBe('BAD_USER_INPUT');
      const [row] = await t.ds.query(`SELECT width, height, version FROM venue_layout WHERE id = $1`, [layoutId]);
      expect(row).toEqual({ width: 110, height: 40, version: 4 });
    });

    it('defaults the booking rules (verified only, one booth, 5-minute holds, 24-hour offers)', async () => {
      const layout = await t.gql(LAYOUT, { input: { venueId, name: `默认${randomBytes(3).toString('hex')}`, width: 100, height: 100 } }, organizer);
      const eventId = await eventAs(t, organizer, { venueId, startsAt: nextStart() });
      const res = await t.gql(CONFIGURE, { input: { eventId, layoutId: layout.data!.createVenueLayout.id, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + HOUR).toISOString() } }, organizer);
      expect(res.data!.configureFairBooths).toEqual({ eventId, maxBoothsPerEmployer: 1, holdMinutes: 5, waitlistOfferHours: 24, verifiedOnly: true, isOpen: true });
    });
  });

  describe('races', () => {
    it('50 employers racing for 10 booths end with exactly 10 confirmed', async () => {
      const { eventId, booths } = await fair(10);
      const members = await employers(50);
      const codeToId = new Map(booths.map((b) => [b.code, b.id]));
      const outcomes = await Promise.all(
        members.map(async (m, i) => {
          let boothId = booths[i % booths.length]!.id;
          for (let attempt = 0; attempt < 12; attempt++) {
            const held = await t.gql(HOLD, { eventId, boothId }, m.token);
            if (!held.errors) {
              const confirmed = await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, m.token);
              return confirmed.data?.confirmBoothBooking.status ?? 'FAILED';
            }
            expect(reasonOf(held)).toBe('BOOTH_TAKEN');
            const free = held.errors[0]!.extensions!.freeBoothCodes as string[];
            if (!free.length) return 'FULL';
            boothId = codeToId.get(free[Math.floor(Math.random() * free.length)]!)!;
          }
          return 'GAVE_UP';
        }),
      );
      expect(outcomes.filter((o) => o === 'CONFIRMED')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'FULL')).toHaveLength(40);
      const [{ n, booths: distinct }] = await t.ds.query(
        `SELECT count(*)::int AS n, count(DISTINCT booth_id)::int AS booths FROM booth_booking WHERE event_id = $1 AND status = 'CONFIRMED'`,
        [eventId],
      );
      expect({ n, distinct }).toEqual({ n: 10, distinct: 10 });
    });

    it('100 employers racing for one booth: one winner and 99 CONFLICTs listing the booths still free', async () => {
      const { eventId, booths } = await fair(3);
      const members = await employers(100);
      const results = await Promise.all(members.map((m) => t.gql(HOLD, { eventId, boothId: booths[0]!.id }, m.token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const losers = results.filter((r) => r.errors);
      expect(losers).toHaveLength(99);
      for (const r of losers) {
        expect([codeOf(r), reasonOf(r)]).toEqual(['CONFLICT', 'BOOTH_TAKEN']);
        expect(r.errors![0]!.extensions!.freeBoothCodes).toEqual(['A02', 'A03']);
      }
      expect(await activeCount(eventId)).toBe(1);
    });

    it('one employer racing for two booths at a one-booth fair gets one', async () => {
      const { eventId, booths } = await fair(4);
      const [m] = await employers(1);
      const results = await Promise.all(booths.map((b) => t.gql(HOLD, { eventId, boothId: b.id }, m!.token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(reasonOf)).toEqual(['BOOKING_LIMIT_REACHED', 'BOOKING_LIMIT_REACHED', 'BOOKING_LIMIT_REACHED']);
      expect(await activeCount(eventId)).toBe(1);
    });
  });

  describe('rules', () => {
    it('refuses unverified employers, bookings outside the window and over the limit with clear reasons', async () => {
      const { eventId, booths } = await fair(5, { maxBoothsPerEmployer: 2 });
      const [pending] = await employers(1, 'PENDING');
      const unverified = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, pending!.token);
      expect([codeOf(unverified), reasonOf(unverified)]).toEqual(['FORBIDDEN', 'VERIFIED_EMPLOYERS_ONLY']);

      const [m] = await employers(1);
      await book(m!, eventId, booths[0]!.id);
      await book(m!, eventId, booths[1]!.id);
      const over = await t.gql(HOLD, { eventId, boothId: booths[2]!.id }, m!.token);
      expect([codeOf(over), reasonOf(over), (over.errors![0]!.extensions!.params as Record<string, unknown>).max]).toEqual(['CONFLICT', 'BOOKING_LIMIT_REACHED', 2]);

      const later = await fair(2);
      await t.ds.query(`UPDATE fair_booth_settings SET opens_at = now() + interval '1 day', closes_at = now() + interval '2 days' WHERE event_id = $1`, [later.eventId]);
      expect(reasonOf(await t.gql(HOLD, { eventId: later.eventId, boothId: later.booths[0]!.id }, m!.token))).toBe('BOOKING_NOT_OPEN_YET');
      await t.ds.query(`UPDATE fair_booth_settings SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE event_id = $1`, [later.eventId]);
      expect(reasonOf(await t.gql(HOLD, { eventId: later.eventId, boothId: later.booths[0]!.id }, m!.token))).toBe('BOOKING_CLOSED');
    });

    it('reads the caller in the booking transaction with the guard\'s rules: disabled, password change pending, not an employer', async () => {
      const { eventId, booths } = await fair(3);
      const [a, b, c] = await employers(3);
      const held = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, a!.token);
      expect(held.data!.holdBooth.status).toBe('HELD');
      // Disabled between hold and confirm: the very next request is refused, the hold stays unconfirmed.
      await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [a!.userId]);
      const afterDisable = await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, a!.token);
      expect([codeOf(afterDisable), reasonOf(afterDisable)]).toEqual(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
      expect((await t.ds.query(`SELECT status FROM booth_booking WHERE id = $1`, [held.data!.holdBooth.id]))[0].status).toBe('HELD');
      const holdDisabled = await t.gql(HOLD, { eventId, boothId: booths[1]!.id }, a!.token);
      expect([codeOf(holdDisabled), reasonOf(holdDisabled)]).toEqual(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
      // Also when the fair or booking does not exist (the account is then read on its own).
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(reasonOf(await t.gql(HOLD, { eventId: unknown, boothId: booths[1]!.id }, a!.token))).toBe('SESSION_EXPIRED');
      expect(reasonOf(await t.gql(CONFIRM, { id: unknown }, a!.token))).toBe('SESSION_EXPIRED');
      // An account that must change its password first.
      await t.ds.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [b!.userId]);
      const pwd = await t.gql(HOLD, { eventId, boothId: booths[1]!.id }, b!.token);
      expect([codeOf(pwd), reasonOf(pwd)]).toEqual(['FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED']);
      // Organizers and bad tokens; another firm's hold is not confirmable; an unknown booking is NOT_FOUND.
      expect(codeOf(await t.gql(HOLD, { eventId, boothId: booths[1]!.id }, organizer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(HOLD, { eventId, boothId: booths[1]!.id }, 'not-a-token'))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(HOLD, { eventId, boothId: booths[1]!.id }))).toBe('UNAUTHENTICATED');
      const cHeld = await t.gql(HOLD, { eventId, boothId: booths[2]!.id }, c!.token);
      expect(codeOf(await t.gql(CONFIRM, { id: cHeld.data!.holdBooth.id }, organizer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(CONFIRM, { id: unknown }, c!.token))).toBe('NOT_FOUND');
      // The audit trail and domain events still know who acted.
      const confirmed = await t.gql(CONFIRM, { id: cHeld.data!.holdBooth.id }, c!.token);
      expect(confirmed.data!.confirmBoothBooking.status).toBe('CONFIRMED');
      const [job] = await t.ds.query(`SELECT data->'actor'->>'id' AS actor FROM pgboss.job WHERE name LIKE 'event.Booth%.confirmed' AND data->'payload'->>'bookingId' = $1`, [cHeld.data!.holdBooth.id]);
      expect(job.actor).toBe(c!.userId);
    });

    it('keeps reserved booths for their priority category and closed booths shut', async () => {
      const { eventId, booths } = await fair(3);
      const [plain, priority] = await employers(2);
      const reserve = await t.gql(
        `mutation($e: ID!, $ids: [ID!]!) { setFairBoothState(eventId: $e, boothIds: $ids, state: RESERVED, reservedCategory: SPECIALIZED_NEW) { booths { code state } } }`,
        { e: eventId, ids: [booths[0]!.id] }, organizer,
      );
      expect(reserve.errors).toBeUndefined();
      await t.gql(`mutation($e: ID!, $ids: [ID!]!) { setFairBoothState(eventId: $e, boothIds: $ids, state: CLOSED) { eventId } }`, { e: eventId, ids: [booths[1]!.id] }, organizer);
      expect(reasonOf(await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, plain!.token))).toBe('BOOTH_RESERVED');
      expect(reasonOf(await t.gql(HOLD, { eventId, boothId: booths[1]!.id }, plain!.token))).toBe('BOOTH_CLOSED');
      const mark = await t.gql(`mutation($id: ID!) { setEmployerPriorityCategories(employerId: $id, categories: [SPECIALIZED_NEW]) }`, { id: priority!.employerId }, organizer);
      expect(mark.data).toEqual({ setEmployerPriorityCategories: ['SPECIALIZED_NEW'] });
      expect((await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, priority!.token)).errors).toBeUndefined();
    });

    it('lets an expired hold never block: the next employer takes the booth, the queue job expires the rest', async () => {
      const { eventId, booths } = await fair(1);
      const [a, b] = await employers(2);
      const held = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, a!.token);
      expect(held.data!.holdBooth.status).toBe('HELD');
      const [job] = await t.ds.query(`SELECT start_after FROM pgboss.job WHERE name = $1 AND data->>'bookingId' = $2`, [HOLD_EXPIRY_QUEUE, held.data!.holdBooth.id]);
      expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
      await t.ds.query(`UPDATE booth_booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [held.data!.holdBooth.id]);
      expect(reasonOf(await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, a!.token))).toBe('HOLD_EXPIRED');
      expect((await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, b!.token)).errors).toBeUndefined();
      const [row] = await t.ds.query(`SELECT status FROM booth_booking WHERE id = $1`, [held.data!.holdBooth.id]);
      expect(row.status).toBe('EXPIRED');
    });

    it('needs approval where the fair asks for it, and an employer never touches another firm’s booking', async () => {
      const { eventId, booths } = await fair(2, { requiresApproval: true });
      const [a, b] = await employers(2);
      const held = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, a!.token);
      expect(codeOf(await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, b!.token))).toBe('FORBIDDEN');
      const confirmed = await t.gql(CONFIRM, { id: held.data!.holdBooth.id }, a!.token);
      expect(confirmed.data!.confirmBoothBooking.status).toBe('PENDING_APPROVAL');
      expect(codeOf(await t.gql(`mutation($id: ID!) { cancelMyBoothBooking(id: $id) { id } }`, { id: held.data!.holdBooth.id }, b!.token))).toBe('FORBIDDEN');
      const mine = await t.gql(`{ myBoothBookings { id } }`, {}, b!.token);
      expect(mine.data!.myBoothBookings).toEqual([]);
      const approved = await t.gql(`mutation($id: ID!) { approveBoothBooking(id: $id) { status } }`, { id: held.data!.holdBooth.id }, organizer);
      expect(approved.data!.approveBoothBooking.status).toBe('CONFIRMED');
      // The organizer moves it; the map follows.
      const moved = await t.gql(`mutation($id: ID!, $b: ID!) { moveBoothBooking(id: $id, boothId: $b) { boothCode } }`, { id: held.data!.holdBooth.id, b: booths[1]!.id }, organizer);
      expect(moved.data!.moveBoothBooking.boothCode).toBe('A02');
      const map = await t.gql(MAP, { eventId }, a!.token);
      expect(map.data!.fairBoothMap.booths.map((x: { code: string; status: string; mine: boolean }) => [x.code, x.status, x.mine])).toEqual([
        ['A01', 'FREE', false],
        ['A02', 'CONFIRMED', true],
      ]);
      await jobsSettled(t);
      const kinds = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [a!.userId]);
      expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(['BOOTH_BOOKING_APPROVED', 'BOOTH_BOOKING_MOVED', 'BOOTH_BOOKING_PENDING']);
      const audit = await t.ds.query(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY action`, [held.data!.holdBooth.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['booth.booking-approved', 'booth.booking-moved']);
    });
  });

  describe('waitlist', () => {
    it('offers a cancelled booth to the first waitlisted employer, and on expiry to the next', async () => {
      const { eventId, booths } = await fair(1, { waitlistOfferHours: 1 });
      const [holder, first, second] = await employers(3);
      const bookingId = await book(holder!, eventId, booths[0]!.id);
      // Full: booking refuses with the free list empty; joining the waitlist works (once).
      const full = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, first!.token);
      expect(full.errors![0]!.extensions!.freeBoothCodes).toEqual([]);
      expect((await t.gql(JOIN, { eventId }, first!.token)).data!.joinBoothWaitlist).toMatchObject({ status: 'WAITING', position: 1 });
      expect((await t.gql(JOIN, { eventId }, second!.token)).data!.joinBoothWaitlist).toMatchObject({ status: 'WAITING', position: 2 });
      expect(reasonOf(await t.gql(JOIN, { eventId }, second!.token))).toBe('ALREADY_ON_WAITLIST');

      const cancel = await t.gql(`mutation($id: ID!) { cancelMyBoothBooking(id: $id) { status } }`, { id: bookingId }, holder!.token);
      expect(cancel.data!.cancelMyBoothBooking.status).toBe('CANCELLED');
      const offer = (await t.gql(MY_WAITLIST, {}, first!.token)).data!.myWaitlistEntries.find((w: { eventId: string }) => w.eventId === eventId);
      expect(offer).toMatchObject({ status: 'OFFERED', offeredBoothCode: 'A01' });
      // Nobody else can take the offered booth meanwhile.
      expect(reasonOf(await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, holder!.token))).toBe('BOOTH_TAKEN');
      const [job] = await t.ds.query(`SELECT start_after FROM pgboss.job WHERE name = $1 AND data->>'waitlistId' = $2`, [OFFER_EXPIRY_QUEUE, offer.id]);
      expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

      // The offer lapses: the queue's handler passes the booth to the next employer.
      await t.ds.query(`UPDATE fair_waitlist SET offer_expires_at = now() - interval '1 second' WHERE id = $1`, [offer.id]);
      await t.app.get(JobQueue).runNow(OFFER_EXPIRY_QUEUE, { waitlistId: offer.id });
      const firstAfter = (await t.gql(MY_WAITLIST, {}, first!.token)).data!.myWaitlistEntries.find((w: { eventId: string }) => w.eventId === eventId);
      expect(firstAfter.status).toBe('EXPIRED');
      const secondOffer = (await t.gql(MY_WAITLIST, {}, second!.token)).data!.myWaitlistEntries.find((w: { eventId: string }) => w.eventId === eventId);
      expect(secondOffer).toMatchObject({ status: 'OFFERED', offeredBoothCode: 'A01' });
      const accepted = await t.gql(`mutation($id: ID!) { acceptWaitlistOffer(id: $id) { status boothCode } }`, { id: secondOffer.id }, second!.token);
      expect(accepted.data!.acceptWaitlistOffer).toEqual({ status: 'CONFIRMED', boothCode: 'A01' });
      await jobsSettled(t);
      const kinds = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [second!.userId]);
      expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(['BOOTH_BOOKING_CONFIRMED', 'BOOTH_WAITLIST_OFFER']);
    });

    it('promotes on an expired hold through the queue, and refuses the waitlist while booths are free', async () => {
      const { eventId, booths } = await fair(1);
      const [a, b] = await employers(2);
      expect(reasonOf(await t.gql(JOIN, { eventId }, b!.token))).toBe('BOOTHS_STILL_FREE');
      const held = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, a!.token);
      await t.gql(JOIN, { eventId }, b!.token);
      await t.ds.query(`UPDATE booth_booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [held.data!.holdBooth.id]);
      await t.app.get(JobQueue).runNow(HOLD_EXPIRY_QUEUE, { bookingId: held.data!.holdBooth.id });
      const entry = (await t.gql(MY_WAITLIST, {}, b!.token)).data!.myWaitlistEntries.find((w: { eventId: string }) => w.eventId === eventId);
      expect(entry.status).toBe('OFFERED');
    });
  });

  describe('calendar', () => {
    it('cancels every booking in the fair’s cancellation transaction and tells each booked employer', async () => {
      const { eventId, booths } = await fair(3);
      const members = await employers(2);
      await book(members[0]!, eventId, booths[0]!.id);
      await book(members[1]!, eventId, booths[1]!.id);
      const res = await t.gql(`mutation($id: ID!, $r: String!) { cancelEvent(id: $id, reason: $r) { id status } }`, { id: eventId, r: '场馆维修' }, organizer);
      expect(res.errors).toBeUndefined();
      const rows = await t.ds.query(`SELECT status, reason FROM booth_booking WHERE event_id = $1`, [eventId]);
      expect(rows).toEqual([{ status: 'CANCELLED', reason: '场馆维修' }, { status: 'CANCELLED', reason: '场馆维修' }]);
      await eventually(async () => {
        for (const m of members) {
          const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'BOOTH_BOOKING_CANCELLED'`, [m.userId]);
          expect(n.n).toBe(1);
        }
      });
    });
  });

  describe('calendar: reschedule', () => {
    it('keeps bookings when the fair moves and tells the booked employers', async () => {
      const { eventId, booths } = await fair(2);
      const [m] = await employers(1);
      await book(m!, eventId, booths[0]!.id);
      const startsAt = nextStart();
      const res = await t.gql(
        `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleEvent(id: $id, startsAt: $s, endsAt: $e) { id } }`,
        { id: eventId, s: startsAt, e: new Date(new Date(startsAt).getTime() + 3 * HOUR).toISOString() }, organizer,
      );
      expect(res.errors).toBeUndefined();
      expect((await t.ds.query(`SELECT status FROM booth_booking WHERE event_id = $1`, [eventId]))[0].status).toBe('CONFIRMED');
      await eventually(async () => {
        const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'BOOTH_FAIR_RESCHEDULED'`, [m!.userId]);
        expect(n.n).toBe(1);
      });
    });
  });

  describe('delegations', () => {
    it('fills campus-trip places under a lock, with approval, and shows the line-up publicly', async () => {
      const eventId = await eventAs(t, organizer, { type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', isOnline: true, onlineUrl: 'https://live.example.cn/x', startsAt: nextStart() });
      const configured = await t.gql(CONFIGURE, {
        input: { eventId, places: 3, requiresApproval: true, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + HOUR).toISOString() },
      }, organizer);
      expect(configured.errors).toBeUndefined();
      const members = await employers(10);
      const results = await Promise.all(members.map((m) => t.gql(`mutation($e: ID!) { applyForDelegation(eventId: $e) { id status } }`, { e: eventId }, m.token)));
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(3);
      expect(results.filter((r) => r.errors).map(reasonOf)).toEqual(Array(7).fill('DELEGATION_FULL'));
      for (const r of ok) {
        expect(r.data!.applyForDelegation.status).toBe('PENDING_APPROVAL');
        await t.gql(`mutation($id: ID!) { approveBoothBooking(id: $id) { status } }`, { id: r.data!.applyForDelegation.id }, organizer);
      }
      const lineUp = await t.gql(`query($e: ID!) { eventDelegation(eventId: $e) { employerName boothCodes } }`, { e: eventId });
      expect(lineUp.data!.eventDelegation).toHaveLength(3);
    });
  });

  describe('exhibitors and live map', () => {
    it('lists exhibitors publicly, exports them to Excel with masked phones, and pushes booth changes over the socket', async () => {
      const { eventId, booths } = await fair(2);
      const [a, viewer] = await employers(2);
      const socket: Socket = await t.socket(viewer!.token);
      const ack = await socket.emitWithAck('booths:join', { eventId });
      expect(ack).toEqual({ ok: true });
      const changes: Array<Record<string, unknown>> = [];
      socket.on('booth:changed', (c) => changes.push(c));
      await book(a!, eventId, booths[1]!.id);
      // Each push reads the booth as it is when sent: the last one says CONFIRMED.
      await eventually(async () => expect(changes.at(-1)).toEqual({ eventId, boothId: booths[1]!.id, code: 'A02', status: 'CONFIRMED' }));
      expect(changes.length).toBe(2);

      const list = await t.gql(`query($e: ID!) { fairExhibitors(eventId: $e) { employerName boothCodes } }`, { e: eventId });
      expect(list.data!.fairExhibitors).toEqual([{ employerName: expect.stringContaining('展位测试企业'), boothCodes: ['A02'] }]);
      // Neither a job seeker nor an employer may watch a draft fair's room (only its region's staff).
      const draft = await eventAs(t, organizer, { venueId, startsAt: nextStart() }, false);
      expect(await socket.emitWithAck('booths:join', { eventId: draft })).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
      const seeker = await t.socket((await signedInAs(t, 'SEEKER')).token);
      expect(await seeker.emitWithAck('booths:join', { eventId: draft })).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
      expect(await seeker.emitWithAck('booths:join', { eventId: 'nonsense' })).toEqual({ ok: false, reason: 'INVALID_ID' });
      const file = await t.gql(`query($e: ID!) { fairExhibitorsExport(eventId: $e) { filename contentType base64 } }`, { e: eventId }, organizer);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.data!.fairExhibitorsExport.base64, 'base64') as never);
      const row = wb.worksheets[0]!.getRow(2).values as unknown[];
      expect(row.slice(1)).toEqual([1, 'A02', expect.stringContaining('展位测试企业'), '张经理', '138****1234']);
      expect(codeOf(await t.gql(`query($e: ID!) { fairExhibitorsExport(eventId: $e) { filename } }`, { e: eventId }, a!.token))).toBe('FORBIDDEN');
    });
  });

  describe('demo data', () => {
    it('seeds a two-row layout, booking on the spring fair and two booked employers, idempotently', async () => {
      await seedDemoData(t.ds);
      await seedDemoData(t.ds);
      const [layout] = await t.ds.query(`SELECT l.id, count(b.id)::int AS n FROM venue_layout l JOIN booth b ON b.layout_id = l.id WHERE l.name = '一楼大厅（示例）' GROUP BY l.id`);
      expect(layout.n).toBe(20);
      const [fairRow] = await t.ds.query(`SELECT event_id FROM fair_booth_settings WHERE layout_id = $1`, [layout.id]);
      const map = await t.gql(MAP, { eventId: fairRow.event_id });
      const taken = map.data!.fairBoothMap.booths.filter((b: { status: string }) => b.status === 'CONFIRMED').map((b: { code: string; employerName: string }) => [b.code, b.employerName]);
      expect(taken).toEqual([['B01', '临沂示例木业有限公司'], ['B02', '临沂示例机械制造有限公司']]);
    });
  });

  describe('restart', () => {
    it('expires a hold and passes the booth to the waitlist from the queue after a restart (no timer in memory)', async () => {
      const { eventId, booths } = await fair(1);
      const [a, b] = await employers(2);
      const held = await t.gql(HOLD, { eventId, boothId: booths[0]!.id }, a!.token);
      await t.gql(JOIN, { eventId }, b!.token);
      // The process goes away; the hold's expiry job stays in pgboss.job.
      const database = t.database;
      await t.close({ keepDatabase: true });
      t = await createTestApp({}, { database });
      await t.ds.query(`UPDATE booth_booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [held.data!.holdBooth.id]);
      await t.ds.query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'bookingId' = $2`, [HOLD_EXPIRY_QUEUE, held.data!.holdBooth.id]);
      await eventually(async () => {
        const [w] = await t.ds.query(`SELECT status FROM fair_waitlist WHERE event_id = $1 AND employer_id = $2`, [eventId, b!.employerId]);
        expect(w.status).toBe('OFFERED');
      });
      const [row] = await t.ds.query(`SELECT status FROM booth_booking WHERE id = $1`, [held.data!.holdBooth.id]);
      expect(row.status).toBe('EXPIRED');
    });
  });
});
