import { Global, Injectable, Module } from '@nestjs/common';

/**
 * In-process signal that a login session ended (logout, stolen refresh token): the auth feature emits it, the
 * socket gateway listens and disconnects that session's sockets (on every instance through the Redis adapter).
 * Lives in the core so neither feature imports the other.
 */
@Injectable()
export class SessionEvents {
  private readonly listeners = new Set<(sessionId: string) => void>();

  onSessionEnded(listener: (sessionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sessionEnded(sessionId: string): void {
    for (const listener of this.listeners) listener(sessionId);
  }
}

@Global()
@Module({ providers: [SessionEvents], exports: [SessionEvents] })
export class SessionEventsModule {}
