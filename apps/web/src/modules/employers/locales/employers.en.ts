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
  mismatch: {
    OUTSIDE_REGION: 'Characters 3–8 of the credit code name another district than the one chosen; check where the employer is',
    OUTSIDE_LINYI: 'Characters 3–8 of the credit code name a region outside Linyi; check where the employer is',
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
    verifyConfirm: 'Verify “{{name}}”?',
    revoke: 'Revoke verification',
    revokeTitle: 'Revoke the verification',
    revokeReason: 'Reason',
    revokeReasonPlaceholder: 'Why the verification is withdrawn; the employer is told and may correct its details and resubmit',
    revokeReasonRequired: 'Give the reason',
    revoked: 'Verification of “{{name}}” revoked',
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
    verifiedHint: 'Your organisation is verified and appears as a verified employer at the job fairs of its district.',
    rejectedHint: 'Verification was not granted. Correct the details named in the reason and resubmit them for review.',
    resubmit: 'Correct and resubmit',
    resubmitTitle: 'Correct the details and resubmit',
    resubmitSubmit: 'Resubmit for review',
    resubmitted: 'Resubmitted; awaiting review',
  },
};

export default employersEn;
