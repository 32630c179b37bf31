import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum PostingStatus {
  PENDING_REVIEW = 'PENDING_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * 岗位: a job posting of a verified employer. Public only while APPROVED and `validUntil` is today or later
 * (Asia/Shanghai); the expiry job moves it to EXPIRED after that date.
 */
@Entity({ name: 'job_posting' })
export class PostingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'text' })
  title: string;

  /** A code of `OCCUPATION_CATEGORIES` (@leye/domain). */
  @Column({ name: 'occupation_code', type: 'text' })
  occupationCode: string;

  @Column({ type: 'integer' })
  headcount: number;

  /** Monthly pay in CNY; both null = pay not stated (flagged for review). */
  @Column({ name: 'salary_min', type: 'integer', nullable: true })
  salaryMin: number | null;

  @Column({ name: 'salary_max', type: 'integer', nullable: true })
  salaryMax: number | null;

  @Column({ type: 'text' })
  education: string;

  @Column({ type: 'text' })
  experience: string;

  /** Where the work is (Linyi region code). */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone: string;

  /** YYYY-MM-DD, the last day the posting is valid (Asia/Shanghai). */
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ type: 'text' })
  status: PostingStatus;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  /** When it last entered review (created or edited). */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** Incremented by every edit. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
