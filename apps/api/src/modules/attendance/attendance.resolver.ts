import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import QRCode from 'qrcode';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { RequestContext } from '../../common/request-context/request-context.js';
import { forbidden } from '../../common/errors/app-error.js';
import { ExportFileType } from '../../common/spreadsheets/workbook.js';
import { EventType_ } from '../events/event.types.js';
import {
  AttendanceConflictType, AttendanceCountsType, AttendanceRegistrationPageType, BoothAttendanceType, CheckInStationType, DoorVolunteerType, FairFiguresType, GateType,
  RegistrationType, ScanUploadResultType, StationEventType, SeekerProfileType, TicketImageType, WalkInResultType,
} from './attendance.types.js';
import { CheckInThrottle } from './checkin-throttle.js';
import { CheckInService } from './checkin.service.js';
import {
  AttendanceEventArgs, AttendanceExportArgs, AttendanceListArgs, BookingIdArgs, CreateGateArgs, DoorVolunteerArgs, GateIdArgs, RecordFairOutcomeArgs, RegisterArgs,
  RegisterWalkInArgs, RegistrationIdArgs, RenameGateArgs, SeekerProfileInput, TicketImageArgs, UploadScansArgs,
} from './dtos/attendance.inputs.js';
import { FairOutcomesService, type BoothAttendanceRow } from './fair-outcomes.service.js';
import { RegistrationsService, type RegistrationRow } from './registrations.service.js';
import { SeekerProfileService } from './seeker-profile.service.js';
import { TicketKeys } from './ticket-keys.js';

const toBooth = (b: BoothAttendanceRow): BoothAttendanceType => Object.assign(new BoothAttendanceType(), b);

/** Seekers: profile, registrations, tickets (docs/attendance.md). */
@Resolver(() => RegistrationType)
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly profiles: SeekerProfileService,
    private readonly keys: TicketKeys,
  ) {}

  private toType(r: RegistrationRow): RegistrationType {
    return Object.assign(new RegistrationType(), {
      ...r,
      ticketCode: r.status === 'REGISTERED' ? this.keys.sign(r.id, r.targetId, new Date(r.issuedAt)) : null,
    });
  }

  @Allow('attendance.register')
  @Query(() => SeekerProfileType, { description: "The seeker's own profile (ID number masked)." })
  async mySeekerProfile(@CurrentActor() actor: Actor): Promise<SeekerProfileType> {
    return Object.assign(new SeekerProfileType(), await this.profiles.get(actor.id));
  }

  @Allow('attendance.register')
  @Mutation(() => SeekerProfileType, { description: 'Saves profile fields; those left out keep their value, null clears one.' })
  async updateMySeekerProfile(@CurrentActor() actor: Actor, @Args('input') input: SeekerProfileInput): Promise<SeekerProfileType> {
    return Object.assign(new SeekerProfileType(), await this.profiles.update(actor.id, input));
  }

  @Allow('attendance.register')
  @Mutation(() => RegistrationType, { description: 'Registers for an event or a class; WAITLISTED when full. CONFLICT ALREADY_REGISTERED / REGISTRATION_CLOSED.' })
  async registerForEvent(@CurrentActor() actor: Actor, @Args() args: RegisterArgs): Promise<RegistrationType> {
    return this.toType(await this.registrations.register(actor, args));
  }

  @Mutation(() => RegistrationType, { description: 'Cancels an own registration (idempotent); a freed seat goes to the waitlist.' })
  async cancelRegistration(@CurrentActor() actor: Actor, @Args() { registrationId }: RegistrationIdArgs): Promise<RegistrationType> {
    return this.toType(await this.registrations.cancel(actor, registrationId));
  }

  @Allow('attendance.register')
  @Query(() => [RegistrationType], { description: "The seeker's own registrations, newest first, with ticket codes." })
  async myRegistrations(@CurrentActor() actor: Actor): Promise<RegistrationType[]> {
    return (await this.registrations.mine(actor)).map((r) => this.toType(r));
  }

  @Query(() => TicketImageType, { description: 'An own ticket as a QR image (SVG text or PNG base64). Others: NOT_FOUND.' })
  async myTicketImage(@CurrentActor() actor: Actor, @Args() { registrationId, format }: TicketImageArgs): Promise<TicketImageType> {
    const r = await this.registrations.own(actor, registrationId);
    if (r.status !== 'REGISTERED') throw forbidden({ reason: 'NO_TICKET', message: 'Only a confirmed registration has a ticket' });
    const code = this.keys.sign(r.id, r.targetId, new Date(r.issuedAt));
    const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
    const data = format === 'PNG'
      ? (await QRCode.toBuffer(code, { ...options, type: 'png', width: 512 })).toString('base64')
      : await QRCode.toString(code, { ...options, type: 'svg' });
    return Object.assign(new TicketImageType(), { registrationId: r.id, code, contentType: format === 'PNG' ? 'image/png' : 'image/svg+xml', data });
  }
}

/** `registeredCount` and the viewer's registration on events: provided here so events never imports attendance. */
@Resolver(() => EventType_)
export class EventRegistrationResolver {
  constructor(private readonly permissions: Permissions) {}

  @ResolveField(() => Int, { description: 'Seats taken (REGISTERED), including registrations to the class of a class session.' })
  async registeredCount(@Parent() e: EventType_, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.eventRegisteredCount.load(e.id);
  }
}

/** The check-in station and the organizer's attendance page. */
@Resolver()
export class CheckInResolver {
  constructor(
    private readonly checkIn: CheckInService,
    private readonly outcomes: FairOutcomesService,
    private readonly keys: TicketKeys,
    private readonly permissions: Permissions,
    private readonly throttle: CheckInThrottle,
  ) {}

  @Query(() => CheckInStationType, { description: 'What a station needs to work offline: public keys, gates, the registration list (masked), counts.' })
  async checkInStation(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<CheckInStationType> {
    const e = await this.checkIn.scannable(actor, eventId);
    const [gates, registrations, counts] = await Promise.all([this.checkIn.gates(e.id), this.checkIn.stationRegistrations(e), this.checkIn.counts(e.id)]);
    return Object.assign(new CheckInStationType(), {
      eventId: e.id, title: e.title, seriesId: e.seriesId, startsAt: e.startsAt, endsAt: e.endsAt, publicKeys: this.keys.publishedKeys(), gates, registrations, counts,
    });
  }

  @Query(() => [StationEventType], { description: 'The events the caller may run a check-in station for (door duties; organizers: the events they cover), yesterday to two weeks ahead.' })
  async stationEvents(@CurrentActor() actor: Actor): Promise<StationEventType[]> {
    return (await this.checkIn.stationEvents(actor)).map((e) => Object.assign(new StationEventType(), e));
  }

  @Mutation(() => ScanUploadResultType, { description: 'Records scans (1–500, in order). The same scanId is recorded once; see ScanOutcome.' })
  async uploadScans(@CurrentActor() actor: Actor, @Args() { eventId, scans }: UploadScansArgs): Promise<ScanUploadResultType> {
    const e = await this.checkIn.scannable(actor, eventId, true);
    await this.throttle.take(actor, RequestContext.ip());
    return Object.assign(new ScanUploadResultType(), await this.checkIn.upload(actor, e, scans));
  }

  @Mutation(() => WalkInResultType, { description: 'Registers a person at the gate and admits them (the same phone again: their registration).' })
  async registerWalkIn(@CurrentActor() actor: Actor, @Args() { eventId, gateId, input }: RegisterWalkInArgs): Promise<WalkInResultType> {
    const e = await this.checkIn.scannable(actor, eventId);
    await this.throttle.take(actor, RequestContext.ip());
    return Object.assign(new WalkInResultType(), await this.checkIn.walkIn(actor, e, gateId, input));
  }

  @Mutation(() => BoothAttendanceType, { description: "Checks an employer's booth staff in for its confirmed booking (station staff of the fair)." })
  async checkInBooking(@CurrentActor() actor: Actor, @Args() { bookingId }: BookingIdArgs): Promise<BoothAttendanceType> {
    const b = await this.outcomes.booking(bookingId);
    const e = await this.checkIn.event(actor, b.eventId);
    this.permissions.require(actor, 'attendance.scan', e);
    return toBooth(await this.outcomes.checkIn(actor, bookingId));
  }

  // ── Organizer: gates, door volunteers, figures, conflicts, list, export ──

  @Query(() => [GateType])
  async attendanceGates(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<GateType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    return this.checkIn.gates(e.id);
  }

  @Mutation(() => GateType)
  async createGate(@CurrentActor() actor: Actor, @Args() { eventId, name }: CreateGateArgs): Promise<GateType> {
    return this.checkIn.createGate(await this.checkIn.manageable(actor, eventId), name);
  }

  @Mutation(() => GateType)
  async renameGate(@CurrentActor() actor: Actor, @Args() { gateId, name }: RenameGateArgs): Promise<GateType> {
    await this.checkIn.gateEvent(actor, gateId);
    return this.checkIn.renameGate(gateId, name);
  }

  @Mutation(() => GateType, { description: 'Removes a gate from the stations; scans already made there stay recorded.' })
  async removeGate(@CurrentActor() actor: Actor, @Args() { gateId }: GateIdArgs): Promise<GateType> {
    await this.checkIn.gateEvent(actor, gateId);
    return this.checkIn.removeGate(gateId);
  }

  @Query(() => [DoorVolunteerType], { description: 'Accounts on door duty at the event (they may run its station only).' })
  async doorVolunteers(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<DoorVolunteerType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    return this.checkIn.doorVolunteers(e.id);
  }

  @Mutation(() => [DoorVolunteerType], { description: 'Puts a staff account of a covered region on door duty at the event.' })
  async assignDoorVolunteer(@CurrentActor() actor: Actor, @Args() { eventId, userId }: DoorVolunteerArgs): Promise<DoorVolunteerType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    await this.checkIn.assignDoorVolunteer(actor, e, userId);
    return this.checkIn.doorVolunteers(e.id);
  }

  @Mutation(() => [DoorVolunteerType])
  async removeDoorVolunteer(@CurrentActor() actor: Actor, @Args() { eventId, userId }: DoorVolunteerArgs): Promise<DoorVolunteerType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    await this.checkIn.removeDoorVolunteer(e, userId);
    return this.checkIn.doorVolunteers(e.id);
  }

  @Query(() => FairFiguresType, { description: "The event's figures: live while it runs, final once completed; by gate, hour and seeker group." })
  async attendanceFigures(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<FairFiguresType> {
    const e = await this.checkIn.manageable(actor, eventId);
    return Object.assign(new FairFiguresType(), await this.outcomes.figures(e));
  }

  @Query(() => AttendanceCountsType, { description: 'Counts only (what the socket pushes).' })
  async attendanceCounts(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<AttendanceCountsType> {
    const e = await this.checkIn.scannable(actor, eventId);
    return this.checkIn.counts(e.id);
  }

  @Query(() => [AttendanceConflictType], { description: 'Tickets used at two gates while offline (never counted twice), newest first.' })
  async attendanceConflicts(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<AttendanceConflictType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    return this.checkIn.conflicts(e.id);
  }

  @Query(() => AttendanceRegistrationPageType, { description: 'Registrations with check-in, phone and ID masked.' })
  async attendanceRegistrations(@CurrentActor() actor: Actor, @Args() args: AttendanceListArgs): Promise<AttendanceRegistrationPageType> {
    const e = await this.checkIn.manageable(actor, args.eventId);
    return Object.assign(new AttendanceRegistrationPageType(), await this.outcomes.registrations(e, args));
  }

  @Query(() => ExportFileType, { description: 'The attendance list as Excel; unmasked needs the export permission and is audited.' })
  async attendanceExport(@CurrentActor() actor: Actor, @Args() { eventId, unmasked }: AttendanceExportArgs): Promise<ExportFileType> {
    const e = await this.checkIn.manageable(actor, eventId);
    return this.outcomes.export(actor, e, unmasked);
  }

  @Query(() => [BoothAttendanceType], { description: "The fair's confirmed bookings: check-in, no-show, outcome." })
  async fairBoothAttendance(@CurrentActor() actor: Actor, @Args() { eventId }: AttendanceEventArgs): Promise<BoothAttendanceType[]> {
    const e = await this.checkIn.manageable(actor, eventId);
    return (await this.outcomes.fairBookings(e.id)).map(toBooth);
  }

  @Allow('booth.book')
  @Query(() => [BoothAttendanceType], { description: "The employer's own confirmed fair bookings with check-in and outcome." })
  async myFairOutcomes(@CurrentActor() actor: Actor): Promise<BoothAttendanceType[]> {
    return (await this.outcomes.employerBookings(actor.employerId!)).map(toBooth);
  }

  @Mutation(() => BoothAttendanceType, { description: 'Records résumés received, interviews and hiring intents of a booking (its employer or the organizers).' })
  async recordFairOutcome(@CurrentActor() actor: Actor, @Args() { bookingId, input }: RecordFairOutcomeArgs): Promise<BoothAttendanceType> {
    const b = await this.outcomes.booking(bookingId);
    const e = await this.checkIn.event(actor, b.eventId);
    this.permissions.require(actor, 'attendance.recordOutcome', { regionCode: e.regionCode, employerId: b.employerId });
    return toBooth(await this.outcomes.recordOutcome(actor, bookingId, input));
  }
}
