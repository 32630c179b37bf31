import { Navigate, useLocation } from 'react-router';

/**
 * `/live` and `/live/:id` (where the API's short links `/l/<code>` redirect) are the public portal's
 * `/events/live…` pages; the query (`?card=…&via=link`) is kept.
 */
export function LiveRedirect() {
  const { pathname, search } = useLocation();
  return <Navigate to={`/events${pathname}${search}`} replace />;
}
