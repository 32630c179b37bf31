import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './jobs.zh-CN.js';

/** i18next namespace `jobs`, English. Keys mirror jobs.zh-CN.ts exactly (the type and locales.spec.ts check). */
const jobsEn: LocaleResource<typeof zhCN> = {
  nav: 'Background jobs',
  title: 'Background jobs',
  subtitle: 'Notifications, audit entries and scheduled jobs run in the background and retry on failure. Jobs that failed after every retry are listed here; fix the cause, then run them again.',
  empty: 'No failed jobs',
  retry: 'Run again',
  retried: 'The job is queued again',
  fields: {
    name: 'Job',
    error: 'Error',
    attempts: 'Attempts',
    failedAt: 'Failed at',
    actions: 'Actions',
  },
};

export default jobsEn;
