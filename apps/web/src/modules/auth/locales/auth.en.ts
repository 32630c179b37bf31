import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './auth.zh-CN.js';

/** i18next namespace `auth`, English. Keys mirror auth.zh-CN.ts exactly (the type and locales.spec.ts check). */
const authEn: LocaleResource<typeof zhCN> = {
  heroTitle: 'Leye Linyi · one place for employment services',
  heroSubtitle: 'Job fairs, employers, entrepreneurship mentors and livestream hiring, all connected.',
  heroPoint1: 'Special job fairs and elite-university recruiting trips',
  heroPoint2: 'Employer verification and job postings',
  heroPoint3: 'Mentor pool and the “Escort” follow-up programme',
  heroPoint4: '“Leye Linyi” livestream hiring',
  loginTitle: 'Sign in',
  loginSubtitle: 'Use your mobile number or e-mail',
  loginLabel: 'Mobile number or e-mail',
  loginPlaceholder: 'Mobile number or e-mail',
  loginRequired: 'Enter your mobile number or e-mail',
  password: 'Password',
  passwordPlaceholder: 'Password',
  passwordRequired: 'Enter your password',
  loginSubmit: 'Sign in',
  noAccount: 'No account yet?',
  registerSeeker: 'Register as a job seeker',
  registerEmployer: 'Register an employer',
  haveAccount: 'Already registered?',
  goLogin: 'Sign in',
  logout: 'Sign out',
  loggedOut: 'You have signed out',
  sessionExpired: 'Your session has expired; please sign in again',
  welcomeBack: 'Welcome back, {{name}}',
};

export default authEn;
