import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './staff.zh-CN.js';

/** i18next namespace `staff`, English. Keys mirror staff.zh-CN.ts exactly (the type and locales.spec.ts check). */
const staffEn: LocaleResource<typeof zhCN> = {
  title: 'Create a staff account',
  subtitle: 'Open an account for an organizer, mentor or livestream host; they first sign in with the initial password',
  role: 'Role',
  roleRequired: 'Choose a role',
  displayName: 'Name',
  region: 'Region',
  regionRequired: 'An organizer account needs a region',
  initialPassword: 'Initial password',
  submit: 'Create account',
  created: 'Created account {{name}} ({{role}})',
};

export default staffEn;
