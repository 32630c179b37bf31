import DataLoader from 'dataloader';
import { registerLoader } from '../../common/graphql/loaders.js';
import { funnelTotals } from './broadcast-stats.service.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** broadcast id → its funnel totals (impressions, applications, interviews, hires): one grouped query per list. */
    broadcastFunnelTotal: DataLoader<string, { impressions: number; applications: number; interviews: number; hires: number }>;
  }
}

registerLoader('broadcastFunnelTotal', (ds) => new DataLoader((ids) => funnelTotals(ds, ids)));
