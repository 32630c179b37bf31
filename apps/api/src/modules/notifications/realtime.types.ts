import type { NotificationType } from './notification.type.js';

/** Events the server sends to clients (typed so gateway and web client agree). */
export interface ServerToClientEvents {
  'notification:new': (notification: NotificationType) => void;
}

export type ClientToServerEvents = Record<string, never>;

/** Rooms are named after what they carry. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Every socket of one login session (refresh-token family): logout disconnects the room, on every instance. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
