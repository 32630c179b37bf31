import { AppstoreOutlined, HomeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const PortalHome = lazyNamed(() => import('./components/PortalHome.js'), 'PortalHome');

const home = (labelKey = 'nav.home', icon: ReactNode = <HomeOutlined />): PortalContribution => ({
  routes: [{ index: true, element: <PortalHome /> }],
  nav: [{ path: '', labelKey, icon, order: 0 }],
});

/** Each portal's home page: welcome, the cards other features contribute, and what is coming. */
export const homeFeature: WebFeature = {
  id: 'home',
  namespaces: ['home'],
  portals: {
    admin: home(),
    // The employer's home is its organisation card.
    employer: home('nav.organisation', <AppstoreOutlined />),
    mentor: home(),
    host: home(),
    seeker: home(),
  },
};
