import { ApolloLink } from '@apollo/client/link';
import { Observable, type Subscription } from 'rxjs';
import type { SessionRefresher } from '../../auth/utils/session-refresher.js';
import type { SessionTokens } from '../../auth/utils/session-tokens.js';
import { hasErrorCode } from './graphql-errors.js';

/** Operations that must never trigger a refresh-and-retry (they are the session itself). */
const SESSION_OPERATIONS = new Set(['Login', 'RegisterSeeker', 'RegisterEmployer', 'RefreshSession', 'Logout']);

function isUnauthorizedHttp(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'statusCode' in error && error.statusCode === 401;
}

/**
 * Adds `Authorization: Bearer <access token>` and the UI language; when the API answers
 * UNAUTHENTICATED, refreshes the session once and replays the operation with the new token.
 */
export function createAuthLink(
  tokens: SessionTokens,
  refresher: SessionRefresher,
  currentLanguage: () => string,
): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const applyHeaders = () =>
      operation.setContext((prev) => {
        const headers: Record<string, string> = { ...(prev.headers as Record<string, string> | undefined) };
        const token = tokens.getAccessToken();
        if (token) headers.authorization = `Bearer ${token}`;
        else delete headers.authorization;
        headers['accept-language'] = currentLanguage();
        return { headers };
      });

    const mayRetry = !SESSION_OPERATIONS.has(operation.operationName ?? '');

    return new Observable<ApolloLink.Result>((observer) => {
      let current: Subscription | null = null;
      let closed = false;

      const attempt = (allowRetry: boolean) => {
        applyHeaders();
        let handedOver = false;
        const retry = (giveUp: () => void) => {
          handedOver = true;
          refresher.refresh().then(
            (outcome) => {
              if (closed) return;
              if (outcome.ok) attempt(false);
              else giveUp();
            },
            () => !closed && giveUp(),
          );
        };
        current = forward(operation).subscribe({
          next: (result) => {
            if (allowRetry && mayRetry && hasErrorCode(result, 'UNAUTHENTICATED') && tokens.getRefreshToken()) {
              retry(() => {
                observer.next(result);
                observer.complete();
              });
              return;
            }
            observer.next(result);
          },
          error: (error: unknown) => {
            if (allowRetry && mayRetry && isUnauthorizedHttp(error) && tokens.getRefreshToken()) {
              retry(() => observer.error(error));
              return;
            }
            observer.error(error);
          },
          complete: () => {
            if (!handedOver) observer.complete();
          },
        });
      };

      attempt(true);
      return () => {
        closed = true;
        current?.unsubscribe();
      };
    });
  });
}
