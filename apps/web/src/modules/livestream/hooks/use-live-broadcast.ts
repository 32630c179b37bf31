import {
  LIVE_NAMESPACE,
  type BroadcastStatus,
  type LiveAck,
  type LiveApplicationEvent,
  type LiveCard,
  type LiveCardCount,
  type LiveChatAck,
  type LiveChatMessage,
  type LiveClientToServerEvents,
  type LiveJoinAck,
  type LiveModerateRequest,
  type LiveServerToClientEvents,
  type LiveSync,
} from '@leye/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { sessionRefresher } from '../../auth/utils/session-refresher.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';
import { liveViewerKey } from '../utils/viewer-key.js';

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** What a page shows of a broadcast, kept current by the `/live` socket. */
export interface LiveState {
  /** connecting: first connection; live: joined; reconnecting: lost, socket.io retries; failed: join refused. */
  connection: 'connecting' | 'live' | 'reconnecting' | 'failed';
  failure: string | null;
  title: string;
  status: BroadcastStatus | null;
  playbackUrl: string | null;
  currentCard: LiveCard | null;
  /** Most recent first (the current card included once it has been pushed). */
  shownCards: LiveCard[];
  viewers: number;
  peak: number;
  announcement: string | null;
  chat: LiveChatMessage[];
  counts: LiveCardCount[];
  you: LiveSync['you'] | null;
  cardSeq: number;
  /** Hosts: the live feed of applications, newest first. */
  applications: LiveApplicationEvent[];
  /** Hosts: the line-up's order after the latest change (card ids) and the current card. */
  queue: { cardIds: string[]; currentCardId: string | null } | null;
  /** Epoch ms when the current card arrived, and when the server pushed it (delivery latency, shown to tests). */
  cardArrivedAt: number | null;
  cardPushedAt: number | null;
}

const INITIAL: LiveState = {
  connection: 'connecting',
  failure: null,
  title: '',
  status: null,
  playbackUrl: null,
  currentCard: null,
  shownCards: [],
  viewers: 0,
  peak: 0,
  announcement: null,
  chat: [],
  counts: [],
  you: null,
  cardSeq: 0,
  applications: [],
  queue: null,
  cardArrivedAt: null,
  cardPushedAt: null,
};

const CHAT_KEEP = 200;
const FEED_KEEP = 100;
const ACK_TIMEOUT_MS = 8_000;

function fromSync(prev: LiveState, sync: LiveSync): LiveState {
  const cardChanged = sync.currentCard?.id !== prev.currentCard?.id;
  return {
    ...prev,
    connection: 'live',
    failure: null,
    title: sync.title,
    status: sync.status,
    playbackUrl: sync.playbackUrl,
    currentCard: sync.currentCard,
    shownCards: sync.shownCards,
    viewers: sync.viewers.count,
    peak: sync.viewers.peak,
    announcement: sync.announcement,
    chat: sync.recentChat,
    counts: sync.cardCounts,
    you: sync.you,
    cardSeq: sync.cardSeq,
    cardArrivedAt: cardChanged ? Date.now() : prev.cardArrivedAt,
  };
}

/**
 * One broadcast over socket.io (`/live` namespace, typed by `@leye/domain`): anonymous viewers connect without a
 * token, signed-in users with their access token (refreshed and reconnected when the server refuses it). Every
 * (re)connection joins the broadcast again, whose ack is the full snapshot — so after a weak network drops the
 * page it shows the current card, counts and recent chat again. `live:card` older than the shown one is ignored.
 */
export function useLiveBroadcast(broadcastId: string | undefined) {
  const [state, setState] = useState<LiveState>(INITIAL);
  const socketRef = useRef<LiveSocket | null>(null);

  useEffect(() => {
    if (!broadcastId) return;
    setState(INITIAL);
    const socket: LiveSocket = io(LIVE_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket'],
      // Its own connection: the tab's notification socket (same path) reconnects on its own schedule.
      forceNew: true,
      // A function: every (re)connection presents the token current at that moment.
      auth: (cb) => {
        const token = sessionTokens.getAccessToken();
        cb(token ? { token, viewerKey: liveViewerKey() } : { viewerKey: liveViewerKey() });
      },
    });
    socketRef.current = socket;
    let closed = false;

    const join = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit('live:join', { broadcastId }, (err: Error | null, ack: LiveJoinAck) => {
        if (closed) return;
        if (err) {
          setState((s) => ({ ...s, connection: 'reconnecting' }));
          setTimeout(() => !closed && socket.connected && join(), 1_000);
          return;
        }
        if (ack.ok) setState((s) => fromSync(s, ack.sync));
        else setState((s) => ({ ...s, connection: 'failed', failure: ack.reason }));
      });
    };
    const refreshAndReconnect = () => {
      sessionRefresher
        .refresh()
        .catch(() => undefined)
        .finally(() => {
          if (!closed && !socket.connected) socket.connect();
        });
    };

    socket.on('connect', join);
    socket.on('disconnect', (reason) => {
      // Our own reconnect (the session's token changed) is not a network problem: no banner.
      if (closed || reason === 'io client disconnect') return;
      setState((s) => ({ ...s, connection: 'reconnecting' }));
      if (reason === 'io server disconnect') refreshAndReconnect();
    });
    socket.on('connect_error', () => {
      if (closed) return;
      setState((s) => (s.connection === 'connecting' ? s : { ...s, connection: 'reconnecting' }));
      // A refused token stops socket.io's own retries; network errors do not.
      if (!socket.active) setTimeout(refreshAndReconnect, 1_000);
    });
    const unsubscribeTokens = sessionTokens.subscribe(() => {
      // Signed in or out on this tab: reconnect as who we are now.
      socket.disconnect();
      socket.connect();
    });

    const mine = (p: { broadcastId: string }) => p.broadcastId === broadcastId;
    socket.on('live:card', (p) => {
      if (!mine(p)) return;
      setState((s) => {
        if (p.seq <= s.cardSeq) return s;
        const shown = [p.card, ...s.shownCards.filter((c) => c.id !== p.card.id)];
        return { ...s, currentCard: p.card, shownCards: shown, cardSeq: p.seq, cardArrivedAt: Date.now(), cardPushedAt: p.pushedAt };
      });
    });
    socket.on('live:status', (p) => mine(p) && setState((s) => ({ ...s, status: p.status })));
    socket.on('live:viewers', (p) => mine(p) && setState((s) => ({ ...s, viewers: p.count, peak: p.peak })));
    socket.on('live:chat', (m) => {
      if (!mine(m)) return;
      setState((s) => (s.chat.some((c) => c.id === m.id) ? s : { ...s, chat: [...s.chat, m].slice(-CHAT_KEEP) }));
    });
    socket.on('live:chatDeleted', (p) => {
      if (!mine(p)) return;
      const gone = new Set(p.messageIds);
      setState((s) => ({ ...s, chat: s.chat.filter((m) => !gone.has(m.id)) }));
    });
    socket.on('live:announcement', (p) => mine(p) && setState((s) => ({ ...s, announcement: p.text })));
    socket.on('live:restricted', (p) => {
      if (!mine(p)) return;
      setState((s) => ({
        ...s,
        you: s.you ? { ...s.you, mutedUntil: p.mutedUntil, banned: p.banned, canChat: s.you.canChat } : s.you,
      }));
    });
    socket.on('live:application', (p) => {
      if (!mine(p)) return;
      setState((s) => ({
        ...s,
        counts: p.counts,
        applications: s.applications.some((a) => a.applicationId === p.applicationId)
          ? s.applications
          : [p, ...s.applications].slice(0, FEED_KEEP),
      }));
    });
    socket.on('live:queue', (p) => mine(p) && setState((s) => ({ ...s, queue: { cardIds: p.cardIds, currentCardId: p.currentCardId } })));

    return () => {
      closed = true;
      unsubscribeTokens();
      if (socket.connected) socket.emit('live:leave', { broadcastId }, () => undefined);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [broadcastId]);

  const call = useCallback(
    <A extends LiveAck | LiveChatAck>(send: (socket: LiveSocket, done: (err: Error | null, ack: A) => void) => void) =>
      new Promise<A>((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) {
          resolve({ ok: false, reason: 'NOT_JOINED' } as A);
          return;
        }
        send(socket, (err, ack) => resolve(err ? ({ ok: false, reason: 'NOT_JOINED' } as A) : ack));
      }),
    [],
  );

  const sendChat = useCallback(
    (text: string) =>
      call<LiveChatAck>((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('live:chat', { broadcastId: broadcastId!, text }, done)),
    [broadcastId, call],
  );
  const push = useCallback(
    (cardId: string) => call<LiveAck>((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('live:push', { broadcastId: broadcastId!, cardId }, done)),
    [broadcastId, call],
  );
  const announce = useCallback(
    (text: string | null) =>
      call<LiveAck>((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('live:announce', { broadcastId: broadcastId!, text }, done)),
    [broadcastId, call],
  );
  const moderate = useCallback(
    (request: Omit<LiveModerateRequest, 'broadcastId'>) =>
      call<LiveAck>((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('live:moderate', { ...request, broadcastId: broadcastId! }, done)),
    [broadcastId, call],
  );
  const impression = useCallback(
    (cardId: string) =>
      call<LiveAck>((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('live:impression', { broadcastId: broadcastId!, cardId }, done)),
    [broadcastId, call],
  );

  return { state, sendChat, push, announce, moderate, impression };
}
