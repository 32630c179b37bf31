import type { NotificationFieldsFragment } from '../../../generated/graphql.js';

/** The live events this app listens to (server → client), as the API's gateway emits them. */
export interface ServerToClientEvents {
  'notification:new': (notification: Omit<NotificationFieldsFragment, '__typename'>) => void;
}

// The web app sends nothing over the socket yet.
export type ClientToServerEvents = Record<string, never>;
