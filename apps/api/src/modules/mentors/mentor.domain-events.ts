/** The mentor pool's domain events (declaration merging into the shared map). No session notes in payloads. */
interface MentorRef {
  mentorId: string;
  name: string;
  /** The mentor's region (audit scope). */
  regionCode: string;
}

declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An application decided, a mentor retired or reactivated (audited). */
    'mentor.status-changed': MentorRef & { from: string; to: string };
    /** Certification (认定) recorded (audited). */
    'mentor.certified': MentorRef & { certificateNo: string; certifiedOn: string };
    /** The mentor library exported to Excel, phones and e-mails in full for editing and re-import (audited). */
    'mentor.exported': { regionCodes: string[] | null; rows: number };
    /** A spreadsheet imported (audited). */
    'mentor.imported': { regionCodes: string[]; rows: number; created: number; updated: number };
    /** A mentor assigned to, or offered, a project: the mentor is told (and it is audited). */
    'mentor.follow-up-assigned': { followUpId: string; projectId: string; projectName: string; regionCode: string; mentorId: string; mentorUserId: string | null; status: string };
    /** A mentor logged a session: the project's founders with accounts are told, so they can confirm it. */
    'coaching.session-logged': { sessionId: string; projectId: string; projectName: string; regionCode: string; mentorName: string; founderUserIds: string[] };
  }
}

export {};
