import { Navigate, useLocation } from 'react-router';

/** `/jobs/...` (the address in the job-board feed) is the public jobs pages under `/events/jobs/...`. */
export function JobsRedirect() {
  const { pathname, search } = useLocation();
  return <Navigate replace to={`/events${pathname}${search}`} />;
}
