import { useNotificationListener } from '../../notifications/hooks/notifications-context.js';

/** Notification kinds the API sends about an employer's bookings and waitlist offers. */
export const BOOTH_NOTIFICATION_KINDS = [
  'BOOTH_BOOKING_CONFIRMED',
  'BOOTH_BOOKING_PENDING',
  'BOOTH_BOOKING_APPROVED',
  'BOOTH_BOOKING_REJECTED',
  'BOOTH_BOOKING_CANCELLED',
  'BOOTH_BOOKING_MOVED',
  'BOOTH_WAITLIST_OFFER',
  'BOOTH_FAIR_RESCHEDULED',
] as const;

/** Refreshes a page when a booking or offer notification arrives live (an organizer moved a booth, an offer came). */
export function useBoothNotifications(refresh: () => void): void {
  useNotificationListener(BOOTH_NOTIFICATION_KINDS, () => refresh());
}
