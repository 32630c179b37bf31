import { io, type Socket } from 'socket.io-client';
import { sessionRefresher } from './session-refresher.js';
import { sessionTokens } from './session-tokens.js';

/**
 * The one live connection of a browser tab: socket.io on the same origin (path `/socket.io`), authenticated
 * with the access token current at each (re)connection, following the session (reconnects with the new token
 * after a refresh, closes on sign-out). Features share it — notifications for the whole portal, a fair's booth
 * map while its page is open — by acquiring it and releasing it when done; the last release closes it.
 * Each feature types the events it sends and hears by casting `socket` to its own `Socket<Listen, Emit>`.
 */
export interface LiveSocketLease {
  socket: Socket;
  /** Stops this user's use; removes nothing but what the user added itself. Safe to call twice. */
  release(): void;
}

/** What the hub needs: a way to open a socket, the session's token, and its refresh. */
export interface LiveSocketDeps {
  open(options: { path: string; transports: ['websocket']; auth: (cb: (data: object) => void) => void; autoConnect: boolean }): Socket;
  tokens: { getAccessToken(): string | null; subscribe(listener: (token: string | null) => void): () => void };
  refresher: { refresh(): Promise<unknown> };
}

/** One shared socket for all its users (tests make their own hub; the app uses `acquireLiveSocket`). */
export function createLiveSocketHub({ open, tokens, refresher }: LiveSocketDeps): { acquire(): LiveSocketLease } {
  let shared: { socket: Socket; users: number; unsubscribe: () => void } | null = null;

  const start = (): NonNullable<typeof shared> => {
    const socket = open({
      path: '/socket.io',
      // WebSocket from the start, no HTTP long-polling: one connection to one API instance, so several instances
      // behind a plain load balancer (compose's DNS round robin, a Kubernetes Service) need no sticky sessions.
      transports: ['websocket'],
      // A function, so every (re)connection presents the token current at that moment.
      auth: (cb) => cb({ token: tokens.getAccessToken() }),
      autoConnect: false,
    });
    const current = () => shared?.socket === socket;
    const refreshAndReconnect = () => {
      // A successful refresh changes the token, and the subscription below reconnects.
      refresher.refresh().catch(() => {
        if (current()) setTimeout(() => current() && socket.connect(), 5_000);
      });
    };
    socket.on('connect_error', () => {
      // Middleware refusals (bad or expired token) stop socket.io's own retries; network errors do not.
      if (!socket.active) refreshAndReconnect();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') refreshAndReconnect();
    });
    const unsubscribe = tokens.subscribe((token) => {
      socket.disconnect();
      if (token) socket.connect();
    });
    if (tokens.getAccessToken()) socket.connect();
    return { socket, users: 0, unsubscribe };
  };

  return {
    acquire() {
      shared ??= start();
      const mine = shared;
      mine.users += 1;
      let released = false;
      return {
        socket: mine.socket,
        release() {
          if (released) return;
          released = true;
          mine.users -= 1;
          if (mine.users > 0 || shared !== mine) return;
          shared = null;
          mine.unsubscribe();
          mine.socket.removeAllListeners();
          mine.socket.disconnect();
        },
      };
    },
  };
}

const tabHub = createLiveSocketHub({ open: (options) => io(options), tokens: sessionTokens, refresher: sessionRefresher });

/** The tab's live socket, opened on first use (it connects only while someone is signed in). */
export function acquireLiveSocket(): LiveSocketLease {
  return tabHub.acquire();
}

/**
 * Calls `onConnect(first)` on every connection of the socket — at once if it is connected already — with
 * `first` false for the later ones (events may have been missed meanwhile). Returns the unsubscribe.
 */
export function onEveryConnection(socket: Socket, onConnect: (first: boolean) => void): () => void {
  let first = true;
  const handler = () => {
    const wasFirst = first;
    first = false;
    onConnect(wasFirst);
  };
  socket.on('connect', handler);
  if (socket.connected) handler();
  return () => {
    socket.off('connect', handler);
  };
}
