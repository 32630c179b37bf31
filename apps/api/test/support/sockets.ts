import type { Socket } from 'socket.io-client';

/** Resolves with the disconnect reason, or 'still connected' after `ms`. */
export function disconnectWithin(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still connected'), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
