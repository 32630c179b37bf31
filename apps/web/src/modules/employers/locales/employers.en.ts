import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './employers.zh-CN.js';

/** i18next namespace `employers`, English. Keys mirror employers.zh-CN.ts exactly (the type and locales.spec.ts check). */
const employersEn: LocaleResource<typeof zhCN> = {
  status: {
    PENDING: 'Pending review',
    VERIFIED: 'Verified',
    REJECTED: 'Rejected',
  },
  fields: {
    name: 'Organisation',
    creditCode: 'Unified social credit code',
    region: 'District / county',
    status: 'Status',
    contactName: 'Contact person',
    contactPhone: 'Contact phone',
    createdAt: 'Submitted',
    reviewedAt: 'Reviewed',
    rejectionReason: 'Reason for rejection',
  },
  queue: {
    title: 'Employer verification',
    subtitle: 'Check the name, credit code and district, then verify or send back.',
    statusFilter: 'Status',
    regionFilter: 'District',
    searchPlaceholder: 'Name or credit code',
    empty: 'No employers match these filters',
    actions: 'Actions',
    open: 'Open',
  },
  detail: {
    title: 'Employer details',
    verify: 'Verify',
    reject: 'Reject',
    verifyConfirm: 'Verify “{{name}}”? Verified employers can book booths and post jobs.',
    verified: '“{{name}}” is verified',
    rejected: '“{{name}}” was sent back',
    rejectTitle: 'Reject the application',
    rejectReason: 'Reason',
    rejectReasonPlaceholder: 'What must the employer correct? The employer is notified of this reason.',
    rejectReasonRequired: 'Enter a reason',
    alreadyReviewed: 'This employer has been reviewed',
  },
  mine: {
    title: 'My organisation',
    none: 'This account is not linked to an employer',
    pendingHint: 'Your details were submitted and await review by the human-resources bureau. You will be notified of the outcome.',
    verifiedHint: 'Your organisation is verified: you can book job-fair booths and post jobs.',
    rejectedHint: 'Verification was not granted. Correct the details named in the reason and contact your district bureau.',
  },
};

export default employersEn;
