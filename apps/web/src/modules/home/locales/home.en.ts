import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './home.zh-CN.js';

/** i18next namespace `home`, English. Keys mirror home.zh-CN.ts exactly (the type and locales.spec.ts check). */
const homeEn: LocaleResource<typeof zhCN> = {
  welcome: 'Welcome, {{name}}',
  welcomeSubtitle: 'You are in the {{portal}}',
  open: 'Open',
  comingSoon: 'Coming soon',
  seeker: {
    events: 'Job fairs and events',
    eventsDesc: 'Browse job fairs, university trips and entrepreneurship events; sign up and enter with a QR ticket.',
    broadcasts: 'Livestream hiring',
    broadcastsDesc: 'Watch “Leye Linyi” broadcasts and apply to the jobs shown live.',
    applications: 'My applications',
    applicationsDesc: 'Follow your applications and hiring intents.',
  },
  mentor: {
    coachingDesc: 'Log coaching sessions and follow “Escort” projects.',
  },
  host: {
    broadcasts: 'Broadcasts',
    broadcastsDesc: 'Go live, push job cards, moderate chat and watch applications arrive.',
    schedule: 'Schedule',
    scheduleDesc: 'See the broadcasts organizers have scheduled for you.',
  },
  admin: {
    users: 'User management',
    usersDesc: 'Find accounts, deactivate or reactivate them, issue one-time reset codes.',
    quotas: 'Quota definitions',
    quotasDesc: 'Keep the yearly quotas, targets and clauses for the city and each county.',
  },
};

export default homeEn;
