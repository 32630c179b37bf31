import { Route } from 'react-router';
import type { FeatureRoute } from '../modules/layout/utils/web-feature.js';

/** `<Route>` elements for the routes features contribute to a portal (inside the portal's `<Routes>`). */
export function featureRoutes(routes: FeatureRoute[]) {
  return routes.map((route) =>
    route.index ? <Route key="(index)" index element={route.element} /> : <Route key={route.path} path={route.path} element={route.element} />,
  );
}
