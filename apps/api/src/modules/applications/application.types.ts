import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { APPLICATION_SOURCES, APPLICATION_STATUSES, maskEmail, maskPhone, type ApplicationSource, type ApplicationStatus } from '@leye/domain';

export const ApplicationStatusEnum = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, s])) as { [S in ApplicationStatus]: S };
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'SUBMITTED → VIEWED → INTERVIEW → OFFER → HIRED, or REJECTED by the employer; WITHDRAWN by the seeker before an offer. Final: HIRED, REJECTED, WITHDRAWN.',
});

export const ApplicationSourceEnum = Object.fromEntries(APPLICATION_SOURCES.map((s) => [s, s])) as { [S in ApplicationSource]: S };
registerEnumType(ApplicationSourceEnum, { name: 'ApplicationSource', description: 'FAIR (with the event), ONLINE, LIVESTREAM (a broadcast reference).' });

/** A row as the service reads it (application + posting + employer + fair). */
export interface ApplicationRow {
  id: string;
  postingId: string;
  postingTitle: string;
  postingStatus: string;
  seekerId: string;
  employerId: string;
  employerName: string;
  employerRegionCode: string;
  status: ApplicationStatus;
  source: ApplicationSource;
  sourceEventId: string | null;
  fairTitle: string | null;
  sourceRef: string | null;
  coverNote: string | null;
  applicantName: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  applicantRegionCode: string | null;
  education: string | null;
  experience: string | null;
  intendedOccupation: string | null;
  introduction: string | null;
  rejectionReason: string | null;
  submittedAt: Date;
  viewedAt: Date | null;
  interviewAt: Date | null;
  offerAt: Date | null;
  hiredAt: Date | null;
  rejectedAt: Date | null;
  withdrawnAt: Date | null;
  updatedAt: Date;
}

@ObjectType('ApplicantResume', { description: 'The résumé as it was when the seeker applied (a snapshot). Phone and e-mail are masked in lists.' })
export class ApplicantResumeType {
  @Field() name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true, description: 'Where the seeker lives (region code).' }) regionCode: string | null;
  @Field(() => String, { nullable: true, description: 'Highest education (EDUCATION_LEVELS code).' }) education: string | null;
  @Field(() => String, { nullable: true, description: 'Work experience (EXPERIENCE_LEVELS code).' }) experience: string | null;
  @Field(() => String, { nullable: true, description: 'Intended occupation (OCCUPATION_CATEGORIES code).' }) intendedOccupation: string | null;
  @Field(() => String, { nullable: true, description: 'Self-introduction; only on the single application view.' }) introduction: string | null;
}

@ObjectType('ApplicationPosting', { description: 'The posting an application is for, as both sides see it.' })
export class ApplicationPostingType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
}

@ObjectType('ApplicationFair', { description: 'The fair an application came from.' })
export class ApplicationFairType {
  @Field(() => ID) id: string;
  @Field() title: string;
}

@ObjectType('ApplicationViewerCan', { description: 'What the caller may do with it now (same rules as the API).' })
export class ApplicationViewerCanType {
  @Field() withdraw: boolean;
  @Field(() => [ApplicationStatusEnum], { description: 'The statuses the caller may move it to.' }) moveTo: ApplicationStatus[];
}

@ObjectType('JobApplication', { description: '投递: a seeker\'s application to a posting, with its source and pipeline status.' })
export class JobApplicationType {
  @Field(() => ID) id: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatus;
  @Field(() => ApplicationSourceEnum) source: ApplicationSource;
  @Field(() => ApplicationFairType, { nullable: true }) fair: ApplicationFairType | null;
  @Field(() => String, { nullable: true, description: 'A livestream broadcast id (LIVESTREAM).' }) sourceRef: string | null;
  @Field(() => String, { nullable: true }) coverNote: string | null;
  @Field(() => String, { nullable: true, description: 'Given by the employer when rejecting (optional).' }) rejectionReason: string | null;
  @Field(() => ApplicationPostingType) posting: ApplicationPostingType;
  @Field(() => ApplicantResumeType) applicant: ApplicantResumeType;
  @Field() submittedAt: Date;
  @Field(() => Date, { nullable: true }) viewedAt: Date | null;
  @Field(() => Date, { nullable: true }) interviewAt: Date | null;
  @Field(() => Date, { nullable: true }) offerAt: Date | null;
  @Field(() => Date, { nullable: true }) hiredAt: Date | null;
  @Field(() => Date, { nullable: true }) rejectedAt: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field() updatedAt: Date;
  @Field(() => ApplicationViewerCanType) viewerCan: ApplicationViewerCanType;
}

@ObjectType('JobApplicationPage')
export class JobApplicationPage {
  @Field(() => [JobApplicationType]) items: JobApplicationType[];
  @Field(() => Int) total: number;
}

@ObjectType('MyApplicationState', { description: 'Whether the caller has applied to a posting, and where it stands.' })
export class MyApplicationStateType {
  @Field(() => ID) postingId: string;
  @Field(() => ID) applicationId: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatus;
}

@ObjectType('ApplicationFunnel', { description: 'How many applications reached each stage (an application counts in every stage up to its furthest).' })
export class ApplicationFunnelType {
  @Field(() => Int) submitted: number;
  @Field(() => Int) viewed: number;
  @Field(() => Int) interview: number;
  @Field(() => Int) offer: number;
  @Field(() => Int) hired: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) withdrawn: number;
}

@ObjectType('PostingApplicationFunnel')
export class PostingFunnelType {
  @Field(() => ID) postingId: string;
  @Field() postingTitle: string;
  @Field() employerName: string;
  @Field(() => ApplicationFunnelType) funnel: ApplicationFunnelType;
}

@ObjectType('FairApplicationFunnel', { description: 'Applications made from a fair\'s page: the fair\'s outcome figures count from these.' })
export class FairFunnelType {
  @Field(() => ID) eventId: string;
  @Field(() => ApplicationFunnelType) total: ApplicationFunnelType;
  @Field(() => [PostingFunnelType]) postings: PostingFunnelType[];
}

@ObjectType('SeekerResume', { description: 'The seeker\'s résumé fields (snapshotted into each application at apply time).' })
export class SeekerResumeType {
  @Field(() => String, { nullable: true }) education: string | null;
  @Field(() => String, { nullable: true }) experience: string | null;
  @Field(() => String, { nullable: true }) intendedOccupation: string | null;
  @Field(() => String, { nullable: true }) intendedRegionCode: string | null;
  @Field(() => String, { nullable: true }) introduction: string | null;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

export function toApplicationType(r: ApplicationRow, opts: { full: boolean; viewerCan: ApplicationViewerCanType }): JobApplicationType {
  return Object.assign(new JobApplicationType(), {
    id: r.id,
    status: r.status,
    source: r.source,
    fair: r.sourceEventId ? Object.assign(new ApplicationFairType(), { id: r.sourceEventId, title: r.fairTitle ?? '' }) : null,
    sourceRef: r.sourceRef,
    coverNote: r.coverNote,
    rejectionReason: r.rejectionReason,
    posting: Object.assign(new ApplicationPostingType(), { id: r.postingId, title: r.postingTitle, employerId: r.employerId, employerName: r.employerName }),
    applicant: Object.assign(new ApplicantResumeType(), {
      name: r.applicantName,
      phone: opts.full ? r.applicantPhone : maskPhone(r.applicantPhone),
      email: opts.full ? r.applicantEmail : maskEmail(r.applicantEmail),
      regionCode: r.applicantRegionCode,
      education: r.education,
      experience: r.experience,
      intendedOccupation: r.intendedOccupation,
      introduction: opts.full ? r.introduction : null,
    }),
    submittedAt: r.submittedAt,
    viewedAt: r.viewedAt,
    interviewAt: r.interviewAt,
    offerAt: r.offerAt,
    hiredAt: r.hiredAt,
    rejectedAt: r.rejectedAt,
    withdrawnAt: r.withdrawnAt,
    updatedAt: r.updatedAt,
    viewerCan: opts.viewerCan,
  });
}
