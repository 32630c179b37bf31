import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { UpdateMyProfileDocument, type UpdateProfileInput } from '../../../generated/graphql.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import type { Language } from '../../i18n/utils/language.js';

/** Saves display name / locale; the returned user updates the cached `me`, so the header follows. */
export function useUpdateProfile() {
  const [mutate, state] = useMutation(UpdateMyProfileDocument);
  const update = async (input: UpdateProfileInput) => (await mutate({ variables: { input } })).data?.updateMyProfile;
  return { update, saving: state.loading };
}

/**
 * A language picked with the header switch also becomes the account's preference, so notifications
 * (rendered by the API in the recipient's locale) arrive in the language the user reads.
 */
export function useSaveLocalePreference() {
  const user = useCurrentUser();
  const [mutate] = useMutation(UpdateMyProfileDocument);
  return useCallback(
    (language: Language) => {
      // Best effort: the UI has already switched; the stored preference can be fixed on the profile page.
      if (user.locale !== language) void mutate({ variables: { input: { locale: language } } }).catch(() => undefined);
    },
    [mutate, user.locale],
  );
}
