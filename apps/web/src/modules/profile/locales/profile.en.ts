import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './profile.zh-CN.js';

/** i18next namespace `profile`, English. Keys mirror profile.zh-CN.ts exactly (the type and locales.spec.ts check). */
const profileEn: LocaleResource<typeof zhCN> = {
  title: 'Profile',
  subtitle: 'Your account details; change your display name and language',
  displayName: 'Display name',
  displayNameRequired: 'Enter a display name',
  email: 'E-mail',
  phone: 'Mobile number',
  region: 'Region',
  role: 'Role',
  locale: 'Language',
  createdAt: 'Registered',
  edit: 'Edit profile',
  saved: 'Profile updated',
};

export default profileEn;
