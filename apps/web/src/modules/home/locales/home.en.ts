import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './home.zh-CN.js';

/** i18next namespace `home`, English. Keys mirror home.zh-CN.ts exactly (the type and locales.spec.ts check). */
const homeEn: LocaleResource<typeof zhCN> = {
  welcome: 'Welcome, {{name}}',
  welcomeSubtitle: 'You are in the {{portal}}',
  open: 'Open',
  seeker: {
    events: 'Job fairs and events',
    eventsDesc: 'Browse job fairs, university trips and entrepreneurship events; sign up and enter with a QR ticket.',
  },
  mentor: {
    coachingDesc: 'Log coaching sessions and follow “Escort” projects.',
  },
  admin: {
    users: 'User management',
    usersDesc: 'Find accounts, deactivate or reactivate them, issue one-time reset codes.',
    quotas: 'Quota definitions',
    quotasDesc: 'Keep the yearly quotas, targets and clauses for the city and each county.',
  },
};

export default homeEn;
