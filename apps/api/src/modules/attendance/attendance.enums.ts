import { registerEnumType } from '@nestjs/graphql';
import { REGISTRATION_STATUSES, SCAN_OUTCOMES, SEEKER_GROUPS, type RegistrationStatus, type ScanOutcome, type SeekerGroup } from '@leye/domain';

export const SeekerGroupEnum = Object.fromEntries(SEEKER_GROUPS.map((g) => [g, g])) as { [K in SeekerGroup]: K };
registerEnumType(SeekerGroupEnum, { name: 'SeekerGroup', description: 'Groups of section 六 of the measures, counted in statistics.' });

export const RegistrationStatusEnum = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, s])) as { [K in RegistrationStatus]: K };
registerEnumType(RegistrationStatusEnum, { name: 'RegistrationStatus' });

export const ScanOutcomeEnum = Object.fromEntries(SCAN_OUTCOMES.map((s) => [s, s])) as { [K in ScanOutcome]: K };
registerEnumType(ScanOutcomeEnum, {
  name: 'ScanOutcome',
  description: 'ADMITTED (counted), REENTRY (recorded, not counted), ALREADY_RECORDED (same scanId again), CONFLICT (same ticket at another gate while offline), INVALID_TICKET, WRONG_EVENT, NOT_REGISTERED.',
});

export const TicketImageFormatEnum = { SVG: 'SVG', PNG: 'PNG' } as const;
registerEnumType(TicketImageFormatEnum, { name: 'TicketImageFormat' });
