import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BookingStatus, BoothAvailability, BoothType, FairBoothState, PriorityCategory, WaitlistStatus } from './booth.enums.js';

@ObjectType('Booth', { description: 'A booth on a venue floor plan (coordinates in plan units, e.g. decimetres).' })
export class BoothObjectType {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. A01; unique per layout.' }) code: string;
  @Field() zone: string;
  @Field(() => BoothType) type: BoothType;
  @Field(() => Float, { description: 'Size in m².' }) sizeSqm: number;
  @Field(() => Float) x: number;
  @Field(() => Float) y: number;
  @Field(() => Float) width: number;
  @Field(() => Float) height: number;
}

@ObjectType('VenueLayout', { description: 'A floor plan of a venue (展位图).' })
export class VenueLayoutType {
  @Field(() => ID) id: string;
  @Field(() => ID) venueId: string;
  @Field() name: string;
  @Field(() => Int) width: number;
  @Field(() => Int) height: number;
  @Field(() => Int, { description: 'Bumped by each save; pass it back to saveLayoutBooths (optimistic check).' }) version: number;
  @Field(() => [BoothObjectType]) booths: BoothObjectType[];
  @Field({ description: 'Some fair uses this layout (it cannot be deleted).' }) inUse: boolean;
  @Field() updatedAt: Date;
}

@ObjectType('FairBoothSettings', { description: 'Booking rules of one fair (JOB_FAIR with a layout, or CAMPUS_RECRUITING with places).' })
export class FairBoothSettingsType {
  @Field(() => ID) eventId: string;
  @Field(() => ID, { nullable: true }) layoutId: string | null;
  @Field(() => Int, { nullable: true, description: 'Delegation places (campus recruiting); null for a floor plan.' }) places: number | null;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field({ description: 'Always true: only verified employers book.' }) verifiedOnly: boolean;
  @Field(() => Int) maxBoothsPerEmployer: number;
  @Field() requiresApproval: boolean;
  @Field() requiresApprovedPosting: boolean;
  @Field(() => Date, { nullable: true }) cancellationDeadline: Date | null;
  @Field(() => Int) holdMinutes: number;
  @Field(() => Int) waitlistOfferHours: number;
  @Field({ description: 'Now inside the booking window.' }) isOpen: boolean;
}

@ObjectType('FairBooth', { description: 'One booth at one fair: its plan data, state and availability.' })
export class FairBoothType {
  @Field(() => ID) boothId: string;
  @Field() code: string;
  @Field() zone: string;
  @Field(() => BoothType) type: BoothType;
  @Field(() => Float) sizeSqm: number;
  @Field(() => Float) x: number;
  @Field(() => Float) y: number;
  @Field(() => Float) width: number;
  @Field(() => Float) height: number;
  @Field(() => FairBoothState) state: FairBoothState;
  @Field(() => PriorityCategory, { nullable: true }) reservedCategory: PriorityCategory | null;
  @Field(() => BoothAvailability) status: BoothAvailability;
  @Field(() => String, { nullable: true, description: 'The booked employer (pending or confirmed).' }) employerName: string | null;
  @Field({ description: "The caller's own employer holds or booked it." }) mine: boolean;
}

@ObjectType('FairBoothMap')
export class FairBoothMapType {
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field(() => FairBoothSettingsType) settings: FairBoothSettingsType;
  @Field(() => Int, { nullable: true }) layoutWidth: number | null;
  @Field(() => Int, { nullable: true }) layoutHeight: number | null;
  @Field(() => [FairBoothType]) booths: FairBoothType[];
  @Field(() => Int, { description: 'Booths (or places) still free.' }) freeCount: number;
  @Field(() => [String], { description: 'Codes of booths still free.' }) freeBoothCodes: string[];
}

@ObjectType('BoothBooking', { description: 'A booth booking (job fair) or a delegation place (campus recruiting, no booth).' })
export class BoothBookingType {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field() eventStartsAt: Date;
  @Field(() => ID, { nullable: true }) boothId: string | null;
  @Field(() => String, { nullable: true }) boothCode: string | null;
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
  @Field(() => String, { nullable: true, description: 'Masked (138****0001).' }) contactPhone: string | null;
  @Field(() => BookingStatus) status: BookingStatus;
  @Field(() => Date, { nullable: true }) holdExpiresAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Rejection or cancellation reason.' }) reason: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
}

@ObjectType('WaitlistEntry', { description: "An employer's place in a fair's waitlist, and its current offer." })
export class WaitlistEntryType {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
  @Field(() => WaitlistStatus) status: WaitlistStatus;
  @Field(() => Int, { nullable: true, description: '1-based place among those waiting.' }) position: number | null;
  @Field(() => ID, { nullable: true }) offerBookingId: string | null;
  @Field(() => String, { nullable: true }) offeredBoothCode: string | null;
  @Field(() => Date, { nullable: true }) offerExpiresAt: Date | null;
  @Field() joinedAt: Date;
}

@ObjectType('FairExhibitor', { description: 'Public: who exhibits (or travels with the delegation).' })
export class FairExhibitorType {
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
  @Field(() => [String], { description: 'Booth codes; empty for a delegation place.' }) boothCodes: string[];
}

@ObjectType('BoothFair', { description: 'A fair with booth booking set up.' })
export class BoothFairType {
  @Field(() => ID) eventId: string;
  @Field() title: string;
  @Field() eventType: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => FairBoothSettingsType) settings: FairBoothSettingsType;
  @Field(() => Int) freeCount: number;
}

