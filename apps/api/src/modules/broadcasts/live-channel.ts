import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { LiveClientToServerEvents, LiveServerToClientEvents } from '@leye/domain';

export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents>;

/**
 * The `/live` namespace as the services see it: the gateway sets it once the socket server exists; without
 * one (the worker process, a test without sockets) emits do nothing — the database rows are the truth and a
 * page resynchronises from them.
 */
@Injectable()
export class LiveChannel {
  nsp?: LiveNamespace;

  to(room: string): { emit: LiveNamespace['emit'] } | undefined {
    return this.nsp?.to(room) as { emit: LiveNamespace['emit'] } | undefined;
  }
}
