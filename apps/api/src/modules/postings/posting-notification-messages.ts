import type { NotificationMessage } from '../notifications/notification-messages.js';

type Ref = { id: string; title: string };

/** What posting review tells the employer and the organizers, in both languages. */
export const PostingNotificationMessages = {
  postingAwaitingReview: (p: Ref, employerName: string, edit: boolean): NotificationMessage => ({
    kind: 'POSTING_AWAITING_REVIEW',
    zh: { title: edit ? '岗位修改待审核' : '新岗位待审核', body: `「${employerName}」${edit ? '修改了' : '提交了'}岗位「${p.title}」，请审核。` },
    en: { title: edit ? 'Edited posting to review' : 'New posting to review', body: `"${employerName}" ${edit ? 'edited' : 'submitted'} the posting "${p.title}"; please review it.` },
    link: `/organizer/postings/review?posting=${p.id}`,
    data: { postingId: p.id },
  }),
  postingApproved: (p: Ref): NotificationMessage => ({
    kind: 'POSTING_APPROVED',
    zh: { title: '岗位审核通过', body: `岗位「${p.title}」已通过审核，现已公开展示。` },
    en: { title: 'Posting approved', body: `The posting "${p.title}" was approved and is now public.` },
    link: `/employer/postings/${p.id}`,
    data: { postingId: p.id },
  }),
  postingRejected: (p: Ref, reason: string): NotificationMessage => ({
    kind: 'POSTING_REJECTED',
    zh: { title: '岗位审核未通过', body: `岗位「${p.title}」未通过审核，原因：${reason}。修改后可重新提交。` },
    en: { title: 'Posting rejected', body: `The posting "${p.title}" was not approved. Reason: ${reason}. Edit it to submit again.` },
    link: `/employer/postings/${p.id}`,
    data: { postingId: p.id, reason },
  }),
  postingsExpired: (titles: string[]): NotificationMessage => ({
    kind: 'POSTINGS_EXPIRED',
    zh: { title: '岗位已到期', body: `以下岗位已过有效期，不再公开展示：${titles.join('、')}。如仍在招聘，请修改有效期后重新提交。` },
    en: { title: 'Postings expired', body: `These postings passed their valid-until date and are no longer public: ${titles.join(', ')}. Edit the date to submit again if still hiring.` },
    link: '/employer/postings',
    data: { titles },
  }),
};
