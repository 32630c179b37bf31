import { useMutation } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { UpdateMyProfileDocument, type UpdateProfileInput } from '../../../generated/graphql.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { localeToSave } from '../utils/locale-preference.js';

/** Saves the display name; the returned user updates the cached `me`, so the header follows. */
export function useUpdateProfile() {
  const [mutate, state] = useMutation(UpdateMyProfileDocument);
  const update = async (input: Omit<UpdateProfileInput, 'locale'>) => (await mutate({ variables: { input } })).data?.updateMyProfile;
  return { update, saving: state.loading };
}

/**
 * Mounted once in the signed-in shell: whatever language the user switches to (header or profile page)
 * becomes the account's preference, so notifications (rendered by the API in the recipient's locale)
 * arrive in the language the user reads. The interface language stays the one source of truth.
 */
export function useLocalePreferenceSync() {
  const user = useCurrentUser();
  const { language } = useLanguage();
  const [mutate] = useMutation(UpdateMyProfileDocument);
  const inFlight = useRef<string | null>(null);
  useEffect(() => {
    const next = localeToSave(language, user.locale);
    if (!next || inFlight.current === next) return;
    inFlight.current = next;
    // Best effort: the interface has already switched; the next change (or sign-in) tries again.
    void mutate({ variables: { input: { locale: next } } })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = null;
      });
  }, [language, user.locale, mutate]);
}
