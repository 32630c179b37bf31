import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './holidays.zh-CN.js';

/** i18next namespace `holidays`, English. Keys mirror holidays.zh-CN.ts exactly (the type and locales.spec.ts check). */
const holidaysEn: LocaleResource<typeof zhCN> = {
  title: 'Public holidays',
  subtitle: 'Statutory holidays and adjusted working days, used to skip or move scheduled events',
  year: 'Year',
  builtIn: 'The State Council holiday schedule for {{year}} is built in. Add admin entries to complete or correct it.',
  noBuiltIn: 'No built-in schedule for {{year}} yet (the State Council usually publishes it late in the year before). Paste the schedule from its notice.',
  status: {
    ENTERED: 'The {{year}} holidays were entered by an admin ({{count}} days). Correct them with the admin entries below.',
  },
  unknown: {
    title: 'The statutory holidays of {{years}} are not entered yet',
    body: 'These dates do not avoid Spring Festival, National Day or other holidays, nor move for adjusted working days; you may still go on. Once an admin enters them, occurrences on a holiday are listed on the calendar to fix in one click by the holiday policy.',
    adminLink: 'Enter the {{year}} holidays',
    askAdmin: 'Ask a platform admin to enter them on the Public holidays page.',
  },
  inView: 'Holidays in this period: ',
  runDays: '{{start}}–{{end}}',
  clashes: {
    title: '{{count}} event(s) fall on newly entered holidays',
    help: "These were planned before the holidays were entered. Apply each series' holiday policy in one click: skipped ones are cancelled, postponed ones move to the next working day (same time), kept ones are confirmed.",
    row: '{{date}} · {{holiday}}',
    actions: {
      CANCEL: 'Cancel this one',
      RESCHEDULE: 'Move to {{date}}',
      ACKNOWLEDGE: 'Hold as planned',
    },
    done: {
      CANCEL: 'Cancelled',
      RESCHEDULE: 'Moved',
      ACKNOWLEDGE: 'Confirmed as planned',
    },
    cancelReason: '{{holiday}} (statutory holiday)',
  },
  tableTitle: 'Holidays and adjusted working days in {{year}}',
  empty: 'No holiday data',
  fields: {
    date: 'Date',
    kind: 'Kind',
    name: 'Name',
    source: 'Source',
    actions: 'Actions',
    line: 'Line',
  },
  kind: {
    HOLIDAY: 'Day off',
    WORKDAY: 'Adjusted working day',
  },
  kindShort: {
    HOLIDAY: '休',
    WORKDAY: '班',
  },
  source: {
    CHINESE_DAYS: 'Built in',
    ADMIN: 'Admin',
  },
  addTitle: 'Add one day',
  add: 'Add',
  added: '{{date}} added',
  dateRequired: 'Choose the date',
  nameRequired: 'Enter a name',
  namePlaceholder: 'e.g. Spring Festival, National Day make-up day',
  remove: 'Remove',
  removeConfirm: 'Remove the admin entry for {{date}}?',
  removed: '{{date}} removed',
  pasteTitle: 'Paste the {{year}} schedule',
  pasteShow: 'Show',
  pasteHide: 'Hide',
  pasteHelp: 'One entry a line: date, kind (HOLIDAY/WORKDAY or 休/班), name, separated by spaces; a range may be written 2027-10-01~2027-10-07. Lines starting with # are ignored.',
  pasteErrors: '{{count}} lines could not be read',
  line: 'Line {{line}}',
  problems: {
    FORMAT: 'Write “date kind name”',
    DATE: 'Not a valid date',
    KIND: 'Kind must be HOLIDAY, WORKDAY, 休 or 班',
    NAME: 'The name is missing',
    YEAR: 'Not in {{year}}',
    RANGE: 'Invalid range (ends before it starts, or longer than 31 days)',
    DUPLICATE: 'Repeats a date from an earlier line',
  },
  pasteSave: 'Save {{count}} days',
  pasteConfirm: 'Save {{count}} days, replacing the {{existing}} admin entries for {{year}}?',
  pasteSaved: '{{count}} days saved for {{year}}',
  footnote: 'Admin entries override built-in data for the same day; saving a pasted schedule replaces every admin entry of that year.',
};

export default holidaysEn;
