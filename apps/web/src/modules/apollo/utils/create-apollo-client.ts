import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloLink } from '@apollo/client/link';
import i18next from '../../i18n/i18n.js';
import { sessionRefresher } from '../../auth/utils/session-refresher.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';
import { createAuthLink } from './auth-link.js';

/** One client for the whole app, talking to the API on the same origin. */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(sessionTokens, sessionRefresher, () => i18next.language),
      new HttpLink({ uri: '/graphql' }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // Regions are reference data keyed by their administrative code.
        Region: { keyFields: ['code'] },
        Query: {
          fields: {
            // Pages are fetched per filter; let the newest page replace the old one.
            employers: { keyArgs: ['filter', 'take', 'skip'] },
            notifications: { keyArgs: ['unreadOnly', 'take', 'skip'] },
          },
        },
      },
    }),
  });
}
