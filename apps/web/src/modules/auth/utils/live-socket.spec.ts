import { describe, expect, it, jest } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { createLiveSocketHub, onEveryConnection } from './live-socket.js';

/** Enough of a socket.io client socket: listeners, connect/disconnect, state. */
class FakeSocket {
  connected = false;
  active = false;
  connects = 0;
  disconnects = 0;
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(fn);
    return this;
  }
  off(name: string, fn: (...args: unknown[]) => void) {
    this.listeners.get(name)?.delete(fn);
    return this;
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  listenerCount(name: string) {
    return this.listeners.get(name)?.size ?? 0;
  }
  fire(name: string, ...args: unknown[]) {
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(...args);
  }
  connect() {
    this.connects += 1;
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect() {
    this.disconnects += 1;
    this.connected = false;
    return this;
  }
}

function setup(token: string | null = 'access-1') {
  const sockets: FakeSocket[] = [];
  const listeners = new Set<(token: string | null) => void>();
  let current = token;
  const hub = createLiveSocketHub({
    open: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s as unknown as Socket;
    },
    tokens: {
      getAccessToken: () => current,
      subscribe: (fn) => {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    },
    refresher: { refresh: jest.fn(async () => undefined) },
  });
  const setToken = (next: string | null) => {
    current = next;
    for (const fn of listeners) fn(next);
  };
  return { hub, sockets, listeners, setToken };
}

describe('the live socket hub', () => {
  it('gives every user of a tab the same socket, and closes it when the last one leaves', () => {
    const { hub, sockets, listeners } = setup();
    const notifications = hub.acquire();
    const boothMap = hub.acquire();
    expect(sockets).toHaveLength(1);
    expect(boothMap.socket).toBe(notifications.socket);
    expect(sockets[0]!.connects).toBe(1);
    boothMap.release();
    boothMap.release();
    expect(sockets[0]!.disconnects).toBe(0);
    notifications.release();
    expect(sockets[0]!.disconnects).toBe(1);
    expect(listeners.size).toBe(0);
    hub.acquire();
    expect(sockets).toHaveLength(2);
  });

  it('connects only with a session, and reconnects with each new token', () => {
    const { hub, sockets, setToken } = setup(null);
    hub.acquire();
    expect(sockets[0]!.connects).toBe(0);
    setToken('access-2');
    expect(sockets[0]!.connects).toBe(1);
    setToken(null);
    expect(sockets[0]!.connected).toBe(false);
  });

  it('tells each user about every connection, first or later, and removes only its own listener', () => {
    const { hub, sockets, setToken } = setup();
    const lease = hub.acquire();
    const seen: boolean[] = [];
    const stop = onEveryConnection(lease.socket, (first) => seen.push(first));
    expect(seen).toEqual([true]);
    setToken('access-2');
    expect(seen).toEqual([true, false]);
    const before = sockets[0]!.listenerCount('connect');
    stop();
    expect(sockets[0]!.listenerCount('connect')).toBe(before - 1);
    expect(sockets[0]!.listenerCount('connect_error')).toBe(1);
  });
});
