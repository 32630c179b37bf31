import type { NotificationType } from './notification.type.js';

/** Events the server sends to clients (typed so gateway and web client agree). */
export interface ServerToClientEvents {
  'notification:new': (notification: NotificationType) => void;
}

export type ClientToServerEvents = Record<string, never>;

/** Rooms are named after what they carry. */
export const userRoom = (userId: string) => `user:${userId}`;

/** PostgreSQL NOTIFY channel: a JSON array of new notification ids, pushed by every process that holds sockets. */
export const NOTIFICATION_CHANNEL = 'leye_notification_created';
/** Every socket of one login session (refresh-token family): logout disconnects the room, on every instance. */
export { sessionRoom } from '../../common/realtime/socket-sessions.js';
