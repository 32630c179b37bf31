/**
 * Livestream job promotion (直播带岗, docs/livestream.md): the broadcast life cycle and the typed socket.io
 * contract between the API (`modules/broadcasts/broadcasts.gateway.ts`) and the web (host console, viewer page).
 *
 * Sockets connect to the `/live` namespace on the shared socket.io server (path `/socket.io`). `auth.token`
 * (an access token) is optional there: without it the socket is an anonymous viewer (counted, may watch, apply
 * through GraphQL and record impressions, but not chat). `auth.viewerKey` (a random id the page keeps in
 * localStorage) lets the server count unique viewers and watch minutes across reconnects.
 *
 *   client                                     server
 *   live:join {broadcastId}  ───────────────▶  ack LiveJoinAck (ok + LiveSync, or reason)
 *   live:sync {broadcastId}  ───────────────▶  ack LiveJoinAck (the same snapshot: use after a reconnect)
 *                            ◀───────────────  live:card, live:viewers, live:chat, live:chatDeleted,
 *                                              live:announcement, live:status, (hosts) live:application, live:queue
 *
 * socket.io connection-state recovery replays what a briefly disconnected socket missed (rooms kept);
 * when it could not (`socket.recovered === false`) the page calls `live:sync`.
 */
export const BROADCAST_STATUSES = ['SCHEDULED', 'LIVE', 'ENDED'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** Allowed status moves: go live from SCHEDULED, end from LIVE. ENDED is final. */
export function canMoveBroadcast(from: BroadcastStatus, to: BroadcastStatus): boolean {
  return (from === 'SCHEDULED' && to === 'LIVE') || (from === 'LIVE' && to === 'ENDED');
}

/** The socket.io namespace of broadcasts (the notifications stay on `/`). */
export const LIVE_NAMESPACE = '/live';

/** Chat limits: message length and the per-user rate (messages per window). */
export const LIVE_CHAT_MAX_LENGTH = 200;
export const LIVE_CHAT_RATE = { limit: 5, windowMs: 10_000 } as const;
/** Recent chat messages a (re)joining viewer receives. */
export const LIVE_CHAT_RECENT = 50;
/** Mute lengths a host may choose, in minutes (1 minute to 24 hours). */
export const LIVE_MUTE_MINUTES = { min: 1, max: 1440 } as const;
/** Autopilot rotation interval bounds, in seconds. */
export const AUTOPILOT_INTERVAL_SECONDS = { min: 15, max: 3600 } as const;

/** Reasons a socket request is refused (ack `{ ok: false, reason }`); worded in the core locale files (`errors.reasons`). */
export const LIVE_SOCKET_REASONS = [
  'INVALID_INPUT',
  'BROADCAST_NOT_FOUND',
  'NOT_A_HOST',
  'UNAUTHENTICATED',
  'BROADCAST_NOT_LIVE',
  'CARD_NOT_FOUND',
  'CHAT_MUTED',
  'CHAT_BANNED',
  'CHAT_BLOCKED_WORD',
  'CHAT_TOO_FAST',
  'TOO_MANY_REQUESTS',
  'NOT_JOINED',
] as const;
export type LiveSocketReason = (typeof LIVE_SOCKET_REASONS)[number];

/** A job card as every viewer sees it (public posting fields only). */
export interface LiveCard {
  id: string;
  broadcastId: string;
  postingId: string;
  position: number;
  title: string;
  employerId: string;
  employerName: string;
  /** Monthly salary range in yuan (null: negotiable). */
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  regionCode: string | null;
  /** Short code of the card's link (`/l/<code>`), also the QR code's content. */
  shortCode: string;
  /** Absolute URL of the short link. */
  shortUrl: string;
}

export interface LiveChatMessage {
  id: string;
  broadcastId: string;
  userId: string;
  displayName: string;
  text: string;
  /** ISO instant. */
  at: string;
}

/** Viewer count now (every instance summed) and the broadcast's peak so far. */
export interface LiveViewers {
  broadcastId: string;
  count: number;
  peak: number;
}

/** Applications per card (all sources credited to the broadcast and that card). */
export interface LiveCardCount {
  cardId: string;
  applications: number;
  impressions: number;
}

/** Everything a page needs to show the broadcast as it is now (join, `live:sync`, after reconnect). */
export interface LiveSync {
  broadcastId: string;
  title: string;
  status: BroadcastStatus;
  playbackUrl: string | null;
  currentCard: LiveCard | null;
  /** Cards shown so far, most recent first. */
  shownCards: LiveCard[];
  viewers: LiveViewers;
  announcement: string | null;
  recentChat: LiveChatMessage[];
  /** Per-card counts: for hosts; viewers get an empty list. */
  cardCounts: LiveCardCount[];
  /** What this socket may do. */
  you: { host: boolean; canChat: boolean; mutedUntil: string | null; banned: boolean };
  /** Increases with every card push: a page ignores a `live:card` older than what it shows. */
  cardSeq: number;
}

export type LiveJoinAck = { ok: true; sync: LiveSync } | { ok: false; reason: LiveSocketReason };
export type LiveAck = { ok: true } | { ok: false; reason: LiveSocketReason; retryAfterMs?: number };
export type LiveChatAck = { ok: true; message: LiveChatMessage } | { ok: false; reason: LiveSocketReason; retryAfterMs?: number };

export interface LiveCardPushed {
  broadcastId: string;
  card: LiveCard;
  /** Epoch ms when the server pushed it (latency measurements). */
  pushedAt: number;
  seq: number;
}

export interface LiveApplicationEvent {
  broadcastId: string;
  cardId: string | null;
  applicationId: string;
  postingTitle: string;
  /** Masked (张*). */
  applicantName: string;
  at: string;
  counts: LiveCardCount[];
}

export type LiveModerationAction = 'DELETE' | 'MUTE' | 'UNMUTE' | 'BAN' | 'UNBAN';

export interface LiveModerateRequest {
  broadcastId: string;
  action: LiveModerationAction;
  /** DELETE */
  messageId?: string;
  /** MUTE, UNMUTE, BAN, UNBAN */
  userId?: string;
  /** MUTE: 1–1440 */
  minutes?: number;
}

/** Events the server sends to `/live` sockets. */
export interface LiveServerToClientEvents {
  'live:card': (payload: LiveCardPushed) => void;
  'live:status': (payload: { broadcastId: string; status: BroadcastStatus; at: string }) => void;
  'live:viewers': (payload: LiveViewers) => void;
  'live:chat': (payload: LiveChatMessage) => void;
  'live:chatDeleted': (payload: { broadcastId: string; messageIds: string[] }) => void;
  'live:announcement': (payload: { broadcastId: string; text: string | null }) => void;
  /** Only to this user's sockets: muted until / banned (null: lifted). */
  'live:restricted': (payload: { broadcastId: string; mutedUntil: string | null; banned: boolean }) => void;
  /** Hosts only. */
  'live:application': (payload: LiveApplicationEvent) => void;
  /** Hosts only: the queue of next cards (ids in order) after a change. */
  'live:queue': (payload: { broadcastId: string; cardIds: string[]; currentCardId: string | null }) => void;
}

/** Events `/live` sockets send (each with an ack). */
export interface LiveClientToServerEvents {
  'live:join': (payload: { broadcastId: string }, ack: (res: LiveJoinAck) => void) => void;
  'live:sync': (payload: { broadcastId: string }, ack: (res: LiveJoinAck) => void) => void;
  'live:leave': (payload: { broadcastId: string }, ack: (res: LiveAck) => void) => void;
  'live:impression': (payload: { broadcastId: string; cardId: string }, ack: (res: LiveAck) => void) => void;
  'live:chat': (payload: { broadcastId: string; text: string }, ack: (res: LiveChatAck) => void) => void;
  /** Hosts: push a card (it becomes the current card of every viewer). */
  'live:push': (payload: { broadcastId: string; cardId: string }, ack: (res: LiveAck) => void) => void;
  /** Hosts: delete a message, mute, unmute, ban, unban. */
  'live:moderate': (payload: LiveModerateRequest, ack: (res: LiveAck) => void) => void;
  /** Hosts: set (text) or clear (null) the pinned announcement. */
  'live:announce': (payload: { broadcastId: string; text: string | null }, ack: (res: LiveAck) => void) => void;
}

/** Rooms: every viewer of a broadcast; its hosts; one user's sockets (restrictions). */
export const liveRoom = (broadcastId: string) => `live:${broadcastId}`;
export const liveHostRoom = (broadcastId: string) => `live:${broadcastId}:hosts`;
export const liveUserRoom = (userId: string) => `live-user:${userId}`;

/** A card's short code: 8 characters of an alphabet without look-alikes (0/O, 1/l/I). */
export const SHORT_CODE_ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';
export const SHORT_CODE_PATTERN = /^[23456789abcdefghijkmnpqrstuvwxyz]{8}$/;

/** Masks a display name for the hosts' live feed: 张三 → 张*, Alice → A****. */
export function maskApplicantName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('') + '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 4));
}
