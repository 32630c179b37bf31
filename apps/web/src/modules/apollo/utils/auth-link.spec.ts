import { ApolloLink } from '@apollo/client/link';
import { describe, expect, it, jest } from '@jest/globals';
import { parse } from 'graphql';
import { firstValueFrom, Observable, toArray } from 'rxjs';
import type { SessionRefresher } from '../../auth/utils/session-refresher.js';
import { SessionTokens } from '../../auth/utils/session-tokens.js';
import { createAuthLink } from './auth-link.js';

const QUERY = parse(`
  query MyEmployer {
    myEmployer {
      id
    }
  }
`);
const LOGIN = parse(`
  mutation Login {
    login {
      accessToken
    }
  }
`);
const unauthenticated = { errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] };
const ok = { data: { myEmployer: { id: '1' } } };

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** A terminating link answering from a script, recording the Authorization header of each request. */
function scriptedServer(responses: object[]) {
  const seen: (string | undefined)[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        seen.push((operation.getContext().headers as Record<string, string>).authorization);
        observer.next(responses.shift() as ApolloLink.Result);
        observer.complete();
      }),
  );
  return { link, seen };
}

function setup(responses: object[], refreshOk = true) {
  const tokens = new SessionTokens(memoryStorage());
  tokens.set({ accessToken: 'old', accessTokenExpiresAt: '2030-01-01T00:00:00Z', refreshToken: 'r0' });
  const refresh = jest.fn(async () => {
    if (!refreshOk) return { ok: false as const, reason: 'REJECTED' as const };
    tokens.set({ accessToken: 'new', accessTokenExpiresAt: '2030-01-01T00:00:00Z', refreshToken: 'r1' });
    return { ok: true as const, session: {} as never };
  });
  const refresher = { refresh } as unknown as SessionRefresher;
  const server = scriptedServer(responses);
  const link = ApolloLink.from([createAuthLink(tokens, refresher, () => 'zh-CN'), server.link]);
  const run = (query = QUERY) =>
    firstValueFrom(ApolloLink.execute(link, { query }, { client: {} as never }).pipe(toArray()));
  return { run, refresh, seen: server.seen };
}

describe('auth link', () => {
  it('sends the access token and the UI language', async () => {
    const { run, seen } = setup([ok]);
    expect(await run()).toEqual([ok]);
    expect(seen).toEqual(['Bearer old']);
  });

  it('refreshes once on UNAUTHENTICATED and replays with the new token', async () => {
    const { run, refresh, seen } = setup([unauthenticated, ok]);
    expect(await run()).toEqual([ok]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
  });

  it('does not loop when the replay is refused too', async () => {
    const { run, refresh, seen } = setup([unauthenticated, unauthenticated]);
    expect(await run()).toEqual([unauthenticated]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it('hands the error on when refresh fails', async () => {
    const { run, seen } = setup([unauthenticated], false);
    expect(await run()).toEqual([unauthenticated]);
    expect(seen).toHaveLength(1);
  });

  it('never refreshes for the session operations themselves', async () => {
    const { run, refresh } = setup([unauthenticated]);
    expect(await run(LOGIN)).toEqual([unauthenticated]);
    expect(refresh).not.toHaveBeenCalled();
  });
});
