/** The users module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An organizer or admin created a staff account (organizer, mentor, host, admin). */
    'staff.created': { userId: string; role: string; displayName: string; regionCode: string | null };
    /** The owner changed the password; the account's other sessions ended. */
    'password.changed': { userId: string; regionCode: string | null };
    /** An organizer or admin issued a one-time reset code to hand over (never the code itself here). */
    'password.reset_code_issued': { userId: string; role: string; regionCode: string | null; expiresAt: string };
    /** The owner asked for a reset code by e-mail and it was sent to the account's address (never the code itself here). */
    'password.reset_code_emailed': { userId: string; role: string; regionCode: string | null; expiresAt: string };
    /** The owner chose a new password with a reset code; every session ended. */
    'password.reset': { userId: string; regionCode: string | null };
    'user.deactivated': { userId: string; role: string; regionCode: string | null; reason: string };
    'user.reactivated': { userId: string; role: string; regionCode: string | null; reason: string };
  }
}

export {};
