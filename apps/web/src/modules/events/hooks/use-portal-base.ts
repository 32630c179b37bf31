import { useLocation } from 'react-router';

/** `/organizer` or `/admin`: the calendar pages serve both shells and link within the one they are in. */
export function usePortalBase(): string {
  const { pathname } = useLocation();
  return `/${pathname.split('/')[1] ?? ''}`;
}
