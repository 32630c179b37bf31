import { registerEnumType } from '@nestjs/graphql';

export enum BoothType {
  STANDARD = 'STANDARD',
  CORNER = 'CORNER',
  PREMIUM = 'PREMIUM',
}
registerEnumType(BoothType, { name: 'BoothType' });

/** A booth's state at one fair (set by the organizer); OPEN unless closed or reserved. */
export enum FairBoothState {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  RESERVED = 'RESERVED',
}
registerEnumType(FairBoothState, { name: 'FairBoothState', description: 'OPEN, CLOSED, or RESERVED for one priority category.' });

/** Priority employer categories (clause (二)): 专精特新, 八大传统产业, 名特优新. */
export enum PriorityCategory {
  SPECIALIZED_NEW = 'SPECIALIZED_NEW',
  TRADITIONAL_INDUSTRY = 'TRADITIONAL_INDUSTRY',
  FAMOUS_QUALITY_NEW = 'FAMOUS_QUALITY_NEW',
}
registerEnumType(PriorityCategory, { name: 'PriorityCategory', description: '专精特新 / 八大传统产业 / 名特优新' });

export enum BookingStatus {
  HELD = 'HELD',
  OFFERED = 'OFFERED',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  DECLINED = 'DECLINED',
}
registerEnumType(BookingStatus, { name: 'BookingStatus', description: 'HELD/OFFERED/PENDING_APPROVAL/CONFIRMED are active (one per booth per fair).' });

export const ACTIVE_STATUSES = ['HELD', 'OFFERED', 'PENDING_APPROVAL', 'CONFIRMED'] as const;
/** SQL list of the active statuses (the partial unique index uses the same list). */
export const ACTIVE_SQL = `('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`;

/** What a viewer sees on the map for one booth. */
export enum BoothAvailability {
  FREE = 'FREE',
  HELD = 'HELD',
  OFFERED = 'OFFERED',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  CONFIRMED = 'CONFIRMED',
  CLOSED = 'CLOSED',
}
registerEnumType(BoothAvailability, { name: 'BoothAvailability', description: 'FREE, taken (HELD/OFFERED/PENDING_APPROVAL/CONFIRMED) or CLOSED.' });

export enum WaitlistStatus {
  WAITING = 'WAITING',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  LEFT = 'LEFT',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WaitlistStatus, { name: 'WaitlistStatus' });
