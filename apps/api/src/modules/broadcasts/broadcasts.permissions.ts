import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** A broadcast as the rules see it. */
export interface BroadcastResource {
  regionCode: string;
  hostIds: readonly string[];
  /** Its calendar event is published (or completed). */
  published: boolean;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Watch, read the line-up and chat history: published for anyone; otherwise its hosts and staff covering its region. */
    'broadcast.read': BroadcastResource;
    /** Create (for a LIVESTREAM event of the region), edit title, hosts, employers, playback URL. */
    'broadcast.manage': { regionCode: string };
    /** Run it: go live, end, line-up of cards, push, queue, moderate, announce, autopilot. Its assigned hosts only. */
    'broadcast.host': BroadcastResource;
    /** Funnel, stats, live applications feed, export: its hosts and staff covering its region. */
    'broadcast.stats': BroadcastResource;
    /** Post in a broadcast's chat: any signed-in account (mutes, bans and the filter apply). */
    'broadcast.chat': undefined;
    /** Lists of broadcasts one hosts or manages. */
    'broadcast.listHosted': undefined;
    /** The chat keyword filter (every broadcast). */
    'chatKeyword.manage': undefined;
  }
}

type BroadcastAction =
  | 'broadcast.read' | 'broadcast.manage' | 'broadcast.host' | 'broadcast.stats' | 'broadcast.chat' | 'broadcast.listHosted' | 'chatKeyword.manage';

const isHost = (actorId: string | undefined, b: BroadcastResource) => !!actorId && b.hostIds.includes(actorId);

/** Broadcasts (docs/livestream.md). */
export const broadcastRules: RuleSet<BroadcastAction> = {
  'broadcast.read': (actor, b) => b.published || isHost(actor?.id, b) || coversRegion(actor, b.regionCode),
  'broadcast.manage': (actor, r) => coversRegion(actor, r.regionCode),
  'broadcast.host': (actor, b) => isHost(actor?.id, b),
  'broadcast.stats': (actor, b) => isHost(actor?.id, b) || coversRegion(actor, b.regionCode),
  'broadcast.chat': (actor) => !!actor,
  'broadcast.listHosted': (actor) => actor?.role === 'HOST' || isStaff(actor),
  'chatKeyword.manage': (actor) => isStaff(actor),
};
