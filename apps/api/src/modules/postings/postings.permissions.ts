import { coversRegion, isCityWide, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** A posting as the rules see it: its owner and the owner's region (review is by the employer's region). */
export interface PostingResource {
  employerId: string;
  employerRegionCode: string;
}

/** A spot-check sample item: the employer region of the posting checked. */
export interface SpotCheckItemResource {
  regionCode: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Creating a posting: employer members (the service also requires a VERIFIED employer). */
    'posting.create': undefined;
    'posting.listOwn': undefined;
    /** The full record (unmasked contact, review state, flags): its employer and its region's organizers. */
    'posting.read': PostingResource;
    'posting.edit': PostingResource;
    'posting.withdraw': PostingResource;
    /** The review queue (limited to the regions the caller covers). */
    'posting.reviewQueue': undefined;
    'posting.review': PostingResource;
    /** Reading the phrase list and urgent-occupation list as staff. */
    'posting.lists.read': undefined;
    /** The city's phrase list and urgent-shortage occupation list: city-wide organizers and admins. */
    'posting.lists.manage': undefined;
    /** Drawing spot-check samples and reading validity rates (in the caller's regions). */
    'posting.spotCheck': undefined;
    'posting.spotCheck.record': SpotCheckItemResource;
    /** Exports for the provincial job boards (CSV / Excel) of the caller's regions. */
    'posting.export': undefined;
  }
}

type PostingAction =
  | 'posting.create'
  | 'posting.listOwn'
  | 'posting.read'
  | 'posting.edit'
  | 'posting.withdraw'
  | 'posting.reviewQueue'
  | 'posting.review'
  | 'posting.lists.read'
  | 'posting.lists.manage'
  | 'posting.spotCheck'
  | 'posting.spotCheck.record'
  | 'posting.export';

const ownEmployer = (actor: { role: string; employerId: string | null } | undefined, p: PostingResource) =>
  actor?.role === 'EMPLOYER' && !!actor.employerId && actor.employerId === p.employerId;

/** Job postings: employers write their own; organizers of the employer's region review, check and export them. */
export const postingRules: RuleSet<PostingAction> = {
  'posting.create': (actor) => actor?.role === 'EMPLOYER' && !!actor.employerId,
  'posting.listOwn': (actor) => actor?.role === 'EMPLOYER' && !!actor.employerId,
  'posting.read': (actor, p) => ownEmployer(actor, p) || coversRegion(actor, p.employerRegionCode),
  'posting.edit': (actor, p) => ownEmployer(actor, p),
  'posting.withdraw': (actor, p) => ownEmployer(actor, p),
  'posting.reviewQueue': (actor) => isStaff(actor),
  'posting.review': (actor, p) => coversRegion(actor, p.employerRegionCode),
  'posting.lists.read': (actor) => isStaff(actor),
  'posting.lists.manage': (actor) => isCityWide(actor),
  'posting.spotCheck': (actor) => isStaff(actor),
  'posting.spotCheck.record': (actor, item) => coversRegion(actor, item.regionCode),
  'posting.export': (actor) => isStaff(actor),
};
