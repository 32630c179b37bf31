import { coversRegion } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** An application as the rules see it: its seeker, and the posting's employer and that employer's region. */
export interface ApplicationResource {
  seekerId: string;
  employerId: string;
  employerRegionCode: string;
}

/** A posting's applicants: its employer and that employer's region. */
export interface PostingApplicantsResource {
  employerId: string;
  employerRegionCode: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Applying, "my applications", the own résumé: job seekers. */
    'application.apply': undefined;
    'application.listMine': undefined;
    'resume.manageOwn': undefined;
    /** One application with the résumé snapshot: the seeker who sent it and the posting's employer — not organizers. */
    'application.read': ApplicationResource;
    /** Withdrawing: the seeker who sent it. */
    'application.withdraw': ApplicationResource;
    /** Moving along the pipeline, rejecting: the posting's employer. */
    'application.move': ApplicationResource;
    /** The applicants of a posting (masked list): its employer only. */
    'application.listForPosting': PostingApplicantsResource;
    /** Counts only (the funnel), never résumé contents: the posting's employer and organizers covering its region. */
    'application.funnel': PostingApplicantsResource;
    /** A fair's funnel (counts): organizers covering the fair's region. */
    'application.fairFunnel': { regionCode: string };
  }
}

type ApplicationAction =
  | 'application.apply'
  | 'application.listMine'
  | 'resume.manageOwn'
  | 'application.read'
  | 'application.withdraw'
  | 'application.move'
  | 'application.listForPosting'
  | 'application.funnel'
  | 'application.fairFunnel';

const seeker = (actor: { role: string } | undefined) => actor?.role === 'SEEKER';
const ownEmployer = (actor: { role: string; employerId: string | null } | undefined, r: { employerId: string }) =>
  actor?.role === 'EMPLOYER' && !!actor.employerId && actor.employerId === r.employerId;

/**
 * Applications: seekers apply and withdraw their own; the posting's employer reads and moves them;
 * organizers of the employer's region see counts (the funnel) but not résumés (see docs/applications.md).
 */
export const applicationRules: RuleSet<ApplicationAction> = {
  'application.apply': (actor) => seeker(actor),
  'application.listMine': (actor) => seeker(actor),
  'resume.manageOwn': (actor) => seeker(actor),
  'application.read': (actor, a) => (seeker(actor) && actor!.id === a.seekerId) || ownEmployer(actor, a),
  'application.withdraw': (actor, a) => seeker(actor) && actor!.id === a.seekerId,
  'application.move': (actor, a) => ownEmployer(actor, a),
  'application.listForPosting': (actor, p) => ownEmployer(actor, p),
  'application.funnel': (actor, p) => ownEmployer(actor, p) || coversRegion(actor, p.employerRegionCode),
  'application.fairFunnel': (actor, e) => coversRegion(actor, e.regionCode),
};
