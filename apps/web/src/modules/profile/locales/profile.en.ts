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
  myData: {
    title: 'My personal data',
    intro: 'Under the Personal Information Protection Law you can download all personal data the platform holds about you (profile, ID number, event registrations, check-ins, job applications, coaching records), and you can delete your account.',
    downloadExcel: 'Download (Excel)',
    downloadJson: 'Download (JSON)',
    delete: 'Delete account',
    deleteTitle: 'Delete your account',
    warning: 'This cannot be undone',
    warningDetail: 'Your name, mobile number, e-mail, ID number, résumé and messages are deleted, and names and contacts are removed from your registrations and applications. You are signed out at once and cannot sign in with this account again. The number of registrations, check-ins and applications is kept anonymously for statistics and no longer linked to you. Download your data first if you want a copy.',
    password: 'Current password',
    passwordRequired: 'Enter your current password to confirm',
    understood: 'I understand this cannot be undone',
    understoodRequired: 'Please confirm that you understand',
    deleteConfirm: 'Delete my account',
    deleted: 'Your account has been deleted',
  },
};

export default profileEn;
