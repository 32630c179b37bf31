import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RegistrationStatus, ScanOutcome, SeekerGroup } from '@leye/domain';
import { EventStatusEnum } from '../events/event.enums.js';
import { RegistrationStatusEnum, ScanOutcomeEnum, SeekerGroupEnum } from './attendance.enums.js';

@ObjectType('SeekerProfile', { description: "The seeker's profile: identity and statistics fields (ID number only masked)." })
export class SeekerProfileType {
  @Field(() => String, { nullable: true }) realName: string | null;
  @Field(() => String, { nullable: true, description: 'Mobile number (the owner sees it in full).' }) mobile: string | null;
  @Field(() => String, { nullable: true, description: 'Resident ID number, masked (3713**********1234); never in full.' }) idNumberMasked: string | null;
  @Field(() => String, { nullable: true, description: 'Education code (GB/T 4658).' }) education: string | null;
  @Field(() => Int, { nullable: true }) graduationYear: number | null;
  @Field(() => String, { nullable: true, description: 'Desired occupation (大类.中类 code).' }) desiredOccupation: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => [SeekerGroupEnum]) groups: SeekerGroup[];
}

@ObjectType('TicketPublicKey')
export class TicketPublicKeyType {
  @Field() keyId: string;
  @Field({ description: 'Ed25519 public key, base64url (32 bytes).' }) publicKey: string;
}

@ObjectType('Gate')
export class GateType {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('AttendanceCounts')
export class AttendanceCountsType {
  @Field(() => Int, { description: 'Unique people admitted.' }) admitted: number;
  @Field(() => Int) reentries: number;
  @Field(() => Int) conflicts: number;
  @Field(() => Int) scans: number;
}

@ObjectType('StationRegistration')
export class StationRegistrationType {
  @Field(() => ID) registrationId: string;
  @Field({ description: 'Masked name, e.g. 张*华.' }) displayName: string;
  @Field(() => String, { nullable: true }) phoneLast4: string | null;
  @Field(() => RegistrationStatusEnum) status: RegistrationStatus;
  @Field() admitted: boolean;
}

@ObjectType('CheckInStation')
export class CheckInStationType {
  @Field(() => ID) eventId: string;
  @Field() title: string;
  @Field(() => ID, { nullable: true, description: 'The class (series) of a session: its tickets name the class, and are valid at every session.' }) seriesId: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => [TicketPublicKeyType]) publicKeys: TicketPublicKeyType[];
  @Field(() => [GateType]) gates: GateType[];
  @Field(() => [StationRegistrationType]) registrations: StationRegistrationType[];
  @Field(() => AttendanceCountsType) counts: AttendanceCountsType;
}

@ObjectType('StationEvent', { description: 'An event the caller may run a check-in station for.' })
export class StationEventType {
  @Field(() => ID) eventId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => EventStatusEnum) status: string;
  @Field(() => ID, { nullable: true, description: 'The class (series) of a session.' }) seriesId: string | null;
  @Field(() => String, { nullable: true, description: 'The venue.' }) place: string | null;
  @Field() isOnline: boolean;
  @Field({ description: 'The caller is on door duty at it (else: an organizer covering it).' }) doorDuty: boolean;
}

@ObjectType('OriginalScan')
export class OriginalScanType {
  @Field(() => ScanOutcomeEnum) outcome: ScanOutcome;
  @Field(() => ID) gateId: string;
  @Field({ description: "The device's time of the scan." }) scannedAt: Date;
  @Field({ description: 'When the server recorded it.' }) receivedAt: Date;
}

@ObjectType('ScanResult')
export class ScanResultType {
  @Field(() => ID) scanId: string;
  @Field(() => ScanOutcomeEnum) outcome: ScanOutcome;
  @Field(() => ID, { nullable: true }) registrationId: string | null;
  @Field(() => String, { nullable: true, description: 'Masked name.' }) displayName: string | null;
  @Field(() => OriginalScanType, { nullable: true, description: 'For ALREADY_RECORDED: what the first upload of this scan decided, at which gate, when.' })
  original: OriginalScanType | null;
}

@ObjectType('ScanUploadResult')
export class ScanUploadResultType {
  @Field(() => [ScanResultType]) results: ScanResultType[];
  @Field(() => AttendanceCountsType) counts: AttendanceCountsType;
}

@ObjectType('WalkInResult')
export class WalkInResultType {
  @Field(() => ID) registrationId: string;
  @Field() ticketCode: string;
  @Field(() => ScanOutcomeEnum) outcome: ScanOutcome;
}

@ObjectType('Registration', { description: 'A registration to an event or a class (series).' })
export class RegistrationType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) eventId: string | null;
  @Field(() => ID, { nullable: true, description: 'Set for a class (series) registration.' }) seriesId: string | null;
  @Field() title: string;
  @Field(() => Date, { nullable: true, description: 'The event start, or the next session of a class.' }) startsAt: Date | null;
  @Field(() => String, { nullable: true }) venueName: string | null;
  @Field(() => RegistrationStatusEnum) status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next), while WAITLISTED.' }) waitlistPosition: number | null;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true, description: 'The signed ticket code (QR content) while REGISTERED.' }) ticketCode: string | null;
  @Field(() => Int, { description: 'Sessions attended (classes) or 0/1.' }) attendedSessions: number;
}

@ObjectType('TicketImage')
export class TicketImageType {
  @Field(() => ID) registrationId: string;
  @Field() code: string;
  @Field() contentType: string;
  @Field({ description: 'SVG text, or PNG as base64.' }) data: string;
}

@ObjectType('AttendanceRegistrationRow')
export class AttendanceRegistrationRowType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Masked (138****1234).' }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'Masked ID number, when the seeker gave one.' }) idNumber: string | null;
  @Field(() => RegistrationStatusEnum) status: RegistrationStatus;
  @Field() walkIn: boolean;
  @Field(() => [SeekerGroupEnum]) groups: SeekerGroup[];
  @Field(() => Date, { nullable: true }) admittedAt: Date | null;
  @Field(() => String, { nullable: true }) gateName: string | null;
}

@ObjectType('AttendanceRegistrationPage')
export class AttendanceRegistrationPageType {
  @Field(() => [AttendanceRegistrationRowType]) items: AttendanceRegistrationRowType[];
  @Field(() => Int) total: number;
}

@ObjectType('AttendanceConflict')
export class AttendanceConflictType {
  @Field(() => ID) id: string;
  @Field(() => ID) registrationId: string;
  @Field({ description: 'Masked name.' }) displayName: string;
  @Field() gateName: string;
  @Field() scannedAt: Date;
  @Field() firstGateName: string;
  @Field() firstScannedAt: Date;
  @Field() detectedAt: Date;
}

@ObjectType('DoorVolunteer')
export class DoorVolunteerType {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
}

@ObjectType('FigureSplit')
export class FigureSplitType {
  @Field() key: string;
  @Field(() => Int) admitted: number;
}

@ObjectType('FairFigures', { description: "A fair's figures: live while it runs, final once completed." })
export class FairFiguresType {
  @Field(() => ID) eventId: string;
  @Field({ description: 'True once the event is completed (figures no longer change).' }) final: boolean;
  @Field(() => AttendanceCountsType) counts: AttendanceCountsType;
  @Field(() => Int) registered: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int) walkIns: number;
  @Field(() => Int, { description: 'Unique people admitted (seekers).' }) seekersAdmitted: number;
  @Field(() => Int, { description: 'Participations (人次): one per person per session.' }) participations: number;
  @Field(() => Int, { description: 'Employers with a booking checked in.' }) employersPresent: number;
  @Field(() => Int, { description: 'Headcount of the approved postings of the employers present.' }) positionsOffered: number;
  @Field(() => Int, { description: 'Hiring intents (达成意向) the employers recorded.' }) intentsReached: number;
  @Field(() => [FigureSplitType], { description: 'Admitted per gate (gate name).' }) byGate: FigureSplitType[];
  @Field(() => [FigureSplitType], { description: 'Admitted per hour, Asia/Shanghai (HH:00).' }) byHour: FigureSplitType[];
  @Field(() => [FigureSplitType], { description: 'Admitted per seeker group (a person may be in several); NONE for none.' }) byGroup: FigureSplitType[];
}

@ObjectType('BoothAttendance', { description: "An employer's booking at a fair: check-in, no-show and its outcome." })
export class BoothAttendanceType {
  @Field(() => ID) bookingId: string;
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field() eventStartsAt: Date;
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
  @Field(() => String, { nullable: true }) boothCode: string | null;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
  @Field() noShow: boolean;
  @Field(() => Int, { nullable: true }) resumesReceived: number | null;
  @Field(() => Int, { nullable: true }) interviews: number | null;
  @Field(() => Int, { nullable: true }) hiringIntents: number | null;
  @Field(() => Date, { nullable: true }) outcomeRecordedAt: Date | null;
}
