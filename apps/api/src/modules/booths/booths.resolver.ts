import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { maskPhone } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { ActorReadInTransaction, CurrentCaller, type Caller } from '../../common/auth/actor-in-transaction.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { ExportFileType } from '../../common/spreadsheets/workbook.js';
import { BoothExport } from './booth-export.js';
import {
  BoothFairType, BoothBookingType, FairBoothMapType, FairBoothSettingsType, FairBoothType, FairExhibitorType, VenueLayoutType, WaitlistEntryType,
} from './booth.types.js';
import { PriorityCategory, type BoothAvailability, type BoothType, type FairBoothState } from './booth.enums.js';
import { availability, BoothsService, type BookingRow, type FairRow, type WaitlistRow } from './booths.service.js';
import {
  BookingReasonArgs, BoothFairsArgs, CreateVenueLayoutInput, EmployerIdArgs, EventIdArgs, FairBookingsArgs, FairBoothSettingsInput, HoldBoothArgs, IdArgs,
  MoveBookingArgs, MyBookingsArgs, SaveLayoutBoothsArgs, SetFairBoothStateArgs, SetPriorityCategoriesArgs, VenueIdArgs,
} from './dtos/booth.args.js';

const toSettings = (f: FairRow): FairBoothSettingsType =>
  Object.assign(new FairBoothSettingsType(), {
    eventId: f.id,
    layoutId: f.layoutId,
    places: f.places,
    opensAt: f.opensAt,
    closesAt: f.closesAt,
    verifiedOnly: true,
    maxBoothsPerEmployer: f.maxBoothsPerEmployer,
    requiresApproval: f.requiresApproval,
    requiresApprovedPosting: f.requiresApprovedPosting,
    cancellationDeadline: f.cancellationDeadline,
    holdMinutes: f.holdMinutes,
    waitlistOfferHours: f.waitlistOfferHours,
    isOpen: !!f.opensAt && Date.now() >= new Date(f.opensAt).getTime() && Date.now() < new Date(f.closesAt!).getTime(),
  });

const toBooking = (b: BookingRow): BoothBookingType => Object.assign(new BoothBookingType(), { ...b, contactPhone: maskPhone(b.contactPhone) });
const toWaitlist = (w: WaitlistRow): WaitlistEntryType => Object.assign(new WaitlistEntryType(), w);
const toLayout = (l: Awaited<ReturnType<BoothsService['layoutById']>>): VenueLayoutType => Object.assign(new VenueLayoutType(), l);

@Resolver()
export class BoothsResolver {
  constructor(
    private readonly booths: BoothsService,
    private readonly permissions: Permissions,
    private readonly exporter: BoothExport,
  ) {}

  // ── Floor plans ──
  @Query(() => [VenueLayoutType], { description: "A venue's floor plans (organizers of the venue's region)." })
  async venueLayouts(@CurrentActor() actor: Actor, @Args() { venueId }: VenueIdArgs): Promise<VenueLayoutType[]> {
    return (await this.booths.layouts(actor, venueId)).map(toLayout);
  }

  @Mutation(() => VenueLayoutType)
  async createVenueLayout(@CurrentActor() actor: Actor, @Args('input') input: CreateVenueLayoutInput): Promise<VenueLayoutType> {
    return toLayout(await this.booths.createLayout(actor, input));
  }

  @Mutation(() => VenueLayoutType, { description: 'Saves the full set of booths; CONFLICT (LAYOUT_CHANGED) when the version is stale.' })
  async saveLayoutBooths(@CurrentActor() actor: Actor, @Args() args: SaveLayoutBoothsArgs): Promise<VenueLayoutType> {
    return toLayout(await this.booths.saveBooths(actor, args.layoutId, args.version, args.booths, { width: args.width, height: args.height }));
  }

  @Mutation(() => Boolean, { description: 'Deletes a layout no fair uses.' })
  async deleteVenueLayout(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<boolean> {
    return this.booths.deleteLayout(actor, id);
  }

  // ── Fair settings ──
  @Mutation(() => FairBoothSettingsType, { description: 'Sets up (or changes) booth booking for a JOB_FAIR (layout) or CAMPUS_RECRUITING (places).' })
  async configureFairBooths(@CurrentActor() actor: Actor, @Args('input') input: FairBoothSettingsInput): Promise<FairBoothSettingsType> {
    return toSettings(await this.booths.configureFair(actor, input));
  }

  @Mutation(() => FairBoothMapType, { description: 'Opens, closes or reserves booths at one fair.' })
  async setFairBoothState(@CurrentActor() actor: Actor, @Args() args: SetFairBoothStateArgs): Promise<FairBoothMapType> {
    await this.booths.setBoothStates(actor, args.eventId, args.boothIds, args.state, args.reservedCategory);
    return this.fairBoothMap(actor, { eventId: args.eventId });
  }

  @Query(() => [PriorityCategory], { description: "An employer's priority categories (organizers of its region)." })
  async employerPriorityCategories(@CurrentActor() actor: Actor, @Args() { employerId }: EmployerIdArgs): Promise<PriorityCategory[]> {
    this.permissions.require(actor, 'booth.markPriority', { regionCode: await this.booths.employerRegion(employerId) });
    return this.booths.priorityCategories(employerId);
  }

  @Mutation(() => [PriorityCategory], { description: 'Marks an employer as 专精特新 / 八大传统产业 / 名特优新 (reserved booths).' })
  async setEmployerPriorityCategories(@CurrentActor() actor: Actor, @Args() args: SetPriorityCategoriesArgs): Promise<PriorityCategory[]> {
    return this.booths.setPriorityCategories(actor, args.employerId, args.categories);
  }

  // ── Reads ──
  @Public()
  @Query(() => FairBoothMapType, { description: 'The booth map of a fair: each booth with state, availability and (when taken) the employer.' })
  async fairBoothMap(@CurrentActor() actor: Actor | undefined, @Args() { eventId }: EventIdArgs): Promise<FairBoothMapType> {
    const fair = await this.booths.visibleFair(actor, eventId);
    if (!fair.hasSettings) throw notFound('BOOTH_BOOKING_NOT_FOUND');
    const rows = await this.booths.mapBooths(fair);
    const layout = fair.layoutId ? await this.booths.layoutById(fair.layoutId) : null;
    const booths = rows.map((r) =>
      Object.assign(new FairBoothType(), {
        ...r,
        type: r.type as BoothType,
        state: r.state as FairBoothState,
        status: availability(r.state, r.bookingStatus) as BoothAvailability,
        employerName: r.bookingStatus === 'CONFIRMED' || r.bookingStatus === 'PENDING_APPROVAL' || (actor?.employerId && r.employerId === actor.employerId) ? r.employerName : null,
        mine: !!actor?.employerId && r.employerId === actor.employerId,
      }),
    );
    const freeBoothCodes = booths.filter((b) => b.status === 'FREE' && b.state === 'OPEN').map((b) => b.code);
    return Object.assign(new FairBoothMapType(), {
      eventId: fair.id,
      eventTitle: fair.title,
      settings: toSettings(fair),
      layoutWidth: layout?.width ?? null,
      layoutHeight: layout?.height ?? null,
      booths,
      freeCount: fair.places != null ? await this.booths.freeCount(fair) : freeBoothCodes.length,
      freeBoothCodes,
    });
  }

  @Allow('booth.listFairs')
  @Query(() => [BoothFairType], { description: 'Published, upcoming fairs with booking set up (openOnly: window open now).' })
  async boothFairs(@CurrentActor() actor: Actor, @Args() { openOnly }: BoothFairsArgs): Promise<BoothFairType[]> {
    const fairs = await this.booths.boothFairs(actor, openOnly);
    return Promise.all(
      fairs.map(async (f) =>
        Object.assign(new BoothFairType(), {
          eventId: f.id, title: f.title, eventType: f.type, startsAt: f.startsAt, endsAt: f.endsAt, settings: toSettings(f), freeCount: await this.booths.freeCount(f),
        }),
      ),
    );
  }

  @Query(() => [BoothBookingType], { description: "The caller's employer's bookings and delegation places." })
  async myBoothBookings(@CurrentActor() actor: Actor, @Args() { eventId }: MyBookingsArgs): Promise<BoothBookingType[]> {
    this.permissions.require(actor, 'booth.book');
    return (await this.booths.myBookings(actor, eventId)).map(toBooking);
  }

  @Query(() => [BoothBookingType], { description: "A fair's bookings for its region's organizers (statuses filter)." })
  async fairBookings(@CurrentActor() actor: Actor, @Args() args: FairBookingsArgs): Promise<BoothBookingType[]> {
    return (await this.booths.fairBookings(actor, args.eventId, args.statuses)).map(toBooking);
  }

  @Public()
  @Query(() => [FairExhibitorType], { description: 'Public: confirmed exhibitors of a published fair with their booth codes.' })
  async fairExhibitors(@CurrentActor() actor: Actor | undefined, @Args() { eventId }: EventIdArgs): Promise<FairExhibitorType[]> {
    return (await this.booths.exhibitors(actor, eventId)).map((e) => Object.assign(new FairExhibitorType(), { employerId: e.employerId, employerName: e.employerName, boothCodes: e.boothCodes }));
  }

  @Public()
  @Query(() => [FairExhibitorType], { description: "Public: a campus recruiting trip's confirmed delegation." })
  async eventDelegation(@CurrentActor() actor: Actor | undefined, @Args() { eventId }: EventIdArgs): Promise<FairExhibitorType[]> {
    return this.fairExhibitors(actor, { eventId });
  }

  @Query(() => ExportFileType, { description: 'The exhibitor list as an Excel file (phones masked); organizers of the region.' })
  async fairExhibitorsExport(@CurrentActor() actor: Actor, @Args() { eventId }: EventIdArgs): Promise<ExportFileType> {
    const fair = await this.booths.fair(eventId);
    this.permissions.require(actor, 'booth.manageFair', { regionCode: fair.regionCode });
    return this.exporter.exhibitors(fair, await this.booths.exhibitorRows(eventId));
  }

  @Query(() => [WaitlistEntryType], { description: "A fair's waitlist (organizers of its region)." })
  async fairWaitlist(@CurrentActor() actor: Actor, @Args() { eventId }: EventIdArgs): Promise<WaitlistEntryType[]> {
    return (await this.booths.waitlist(actor, eventId)).map(toWaitlist);
  }

  @Query(() => [WaitlistEntryType], { description: "The caller's employer's waitlist entries and open offers." })
  async myWaitlistEntries(@CurrentActor() actor: Actor): Promise<WaitlistEntryType[]> {
    this.permissions.require(actor, 'booth.book');
    return (await this.booths.myWaitlist(actor)).map(toWaitlist);
  }

  // ── Booking ──
  @Mutation(() => BoothBookingType, { description: 'Holds a booth for the hold minutes. CONFLICT BOOTH_TAKEN carries extensions.freeBoothCodes.' })
  @ActorReadInTransaction()
  async holdBooth(@CurrentCaller() caller: Caller, @Args() args: HoldBoothArgs): Promise<BoothBookingType> {
    // The caller's account is read (and `booth.book` checked) in the hold transaction's first statement.
    return toBooking(await this.booths.hold(caller, args.eventId, args.boothId));
  }

  @Mutation(() => BoothBookingType, { description: 'Confirms a held booth: CONFIRMED, or PENDING_APPROVAL when the fair wants approval.' })
  @ActorReadInTransaction()
  async confirmBoothBooking(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<BoothBookingType> {
    return toBooking(await this.booths.confirm(caller, id));
  }

  @Mutation(() => BoothBookingType, { description: 'Campus recruiting: applies for a delegation place.' })
  async applyForDelegation(@CurrentActor() actor: Actor, @Args() { eventId }: EventIdArgs): Promise<BoothBookingType> {
    this.permissions.require(actor, 'booth.book');
    return toBooking(await this.booths.applyForDelegation(actor, eventId));
  }

  @Mutation(() => BoothBookingType, { description: 'The employer cancels its own booking (before the cancellation deadline).' })
  async cancelMyBoothBooking(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<BoothBookingType> {
    this.permissions.require(actor, 'booth.book');
    return toBooking(await this.booths.cancelOwn(actor, id));
  }

  @Mutation(() => BoothBookingType)
  async approveBoothBooking(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<BoothBookingType> {
    return toBooking(await this.booths.approve(actor, id));
  }

  @Mutation(() => BoothBookingType)
  async rejectBoothBooking(@CurrentActor() actor: Actor, @Args() { id, reason }: BookingReasonArgs): Promise<BoothBookingType> {
    return toBooking(await this.booths.reject(actor, id, reason));
  }

  @Mutation(() => BoothBookingType, { description: 'An organizer cancels a booking with a reason.' })
  async cancelBoothBooking(@CurrentActor() actor: Actor, @Args() { id, reason }: BookingReasonArgs): Promise<BoothBookingType> {
    return toBooking(await this.booths.cancelByOrganizer(actor, id, reason));
  }

  @Mutation(() => BoothBookingType, { description: 'An organizer moves a booking to another booth.' })
  async moveBoothBooking(@CurrentActor() actor: Actor, @Args() { id, boothId }: MoveBookingArgs): Promise<BoothBookingType> {
    return toBooking(await this.booths.move(actor, id, boothId));
  }

  // ── Waitlist ──
  @Mutation(() => WaitlistEntryType, { description: 'Joins the waitlist of a full fair (CONFLICT BOOTHS_STILL_FREE otherwise).' })
  async joinBoothWaitlist(@CurrentActor() actor: Actor, @Args() { eventId }: EventIdArgs): Promise<WaitlistEntryType> {
    this.permissions.require(actor, 'booth.book');
    return toWaitlist(await this.booths.joinWaitlist(actor, eventId));
  }

  @Mutation(() => Boolean)
  async leaveBoothWaitlist(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<boolean> {
    this.permissions.require(actor, 'booth.book');
    return this.booths.leaveWaitlist(actor, id);
  }

  @Mutation(() => BoothBookingType, { description: 'Accepts a waitlist offer before its deadline.' })
  async acceptWaitlistOffer(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<BoothBookingType> {
    this.permissions.require(actor, 'booth.book');
    return toBooking(await this.booths.acceptOffer(actor, id));
  }

  @Mutation(() => WaitlistEntryType, { description: 'Declines a waitlist offer; the next employer is offered.' })
  async declineWaitlistOffer(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<WaitlistEntryType> {
    this.permissions.require(actor, 'booth.book');
    return toWaitlist(await this.booths.declineOffer(actor, id));
  }
}
