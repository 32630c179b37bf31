import { useApolloClient, useQuery } from '@apollo/client/react';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoutDocument, MeDocument, type AuthSessionFragment } from '../../../generated/graphql.js';
import { languageStore, setLanguage } from '../../i18n/i18n.js';
import { toLanguage } from '../../i18n/utils/language.js';
import { AuthContext, type AuthContextValue, type AuthStatus } from '../hooks/auth-context.js';
import { refreshDelay } from '../utils/refresh-delay.js';
import { sessionRefresher } from '../utils/session-refresher.js';
import { sessionTokens } from '../utils/session-tokens.js';

function adoptUserLocale(locale: string | null | undefined) {
  // An explicit choice made with the header switch wins over the profile's stored preference.
  if (languageStore.chosenHere()) return;
  const language = toLanguage(locale);
  if (language) setLanguage(language);
}

/**
 * Owns the session lifecycle: resumes it on start from the stored refresh token, starts it after
 * login/registration, refreshes ahead of expiry, and ends it on logout or when refresh is refused.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  // Only toasts use these strings, long after the namespace loaded: no need to hold the whole app back.
  const { t } = useTranslation(['core', 'auth'], { useSuspense: false });
  const { message } = App.useApp();
  const [status, setStatus] = useState<AuthStatus>(() =>
    sessionTokens.getAccessToken() ? 'authenticated' : sessionTokens.getRefreshToken() ? 'starting' : 'anonymous',
  );
  const [attempt, setAttempt] = useState(0);

  const me = useQuery(MeDocument, { skip: status !== 'authenticated', fetchPolicy: 'cache-first' });

  const startSession = useCallback(
    (session: AuthSessionFragment) => {
      sessionTokens.set(session);
      client.writeQuery({ query: MeDocument, data: { __typename: 'Query', me: session.user } });
      adoptUserLocale(session.user.locale);
      setStatus('authenticated');
    },
    [client],
  );

  // Resume from the refresh token on start (the access token lives only in memory).
  useEffect(() => {
    if (status !== 'starting') return;
    let cancelled = false;
    sessionRefresher.refresh().then(
      (outcome) => {
        if (cancelled) return;
        if (outcome.ok) startSession(outcome.session);
        else setStatus('anonymous');
      },
      () => !cancelled && setStatus('unreachable'),
    );
    return () => {
      cancelled = true;
    };
  }, [status, attempt, startSession]);

  // A refused refresh anywhere (link, socket, timer) ends the session.
  useEffect(
    () =>
      sessionRefresher.onExpired(() => {
        setStatus('anonymous');
        void client.clearStore();
        void message.warning(t('auth:sessionExpired'));
      }),
    [client, message, t],
  );

  // Refresh shortly before the access token expires.
  useEffect(() => {
    if (status !== 'authenticated') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const delay = refreshDelay(sessionTokens.getAccessTokenExpiresAt(), Date.now());
      if (delay === null) return;
      timer = setTimeout(() => void sessionRefresher.refresh().catch(() => schedule()), delay);
    };
    schedule();
    const unsubscribe = sessionTokens.subscribe(schedule);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [status]);

  const logout = useCallback(async () => {
    const refreshToken = sessionTokens.getRefreshToken();
    if (refreshToken) {
      // Best effort: the session ends locally even if the API cannot be reached or is slow to answer.
      const revoked = client.mutate({ mutation: LogoutDocument, variables: { refreshToken } }).catch(() => undefined);
      await Promise.race([revoked, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    sessionTokens.clear();
    setStatus('anonymous');
    await client.clearStore();
    void message.success(t('auth:loggedOut'));
  }, [client, message, t]);

  const refetchMe = me.refetch;
  const retry = useCallback(() => {
    if (sessionTokens.getAccessToken()) {
      void refetchMe();
      return;
    }
    setStatus('starting');
    setAttempt((n) => n + 1);
  }, [refetchMe]);

  const user = status === 'authenticated' ? (me.data?.me ?? null) : null;
  const effectiveStatus: AuthStatus =
    status === 'authenticated' && !user ? (me.error ? 'unreachable' : 'starting') : status;

  const value = useMemo<AuthContextValue>(
    () => ({ status: effectiveStatus, user, startSession, logout, retry }),
    [effectiveStatus, user, startSession, logout, retry],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
