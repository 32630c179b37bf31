import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HolidayPolicy, PeakRange } from '@leye/domain';
import { EventTemplateColumns } from '../event-template.columns.js';

export interface CadenceData {
  year: number;
  weekdays: number[];
  peakRanges: PeakRange[];
}

/** 系列活动: a recurring programme whose occurrences are materialised for a rolling horizon. */
@Entity({ name: 'event_series' })
export class EventSeriesEntity extends EventTemplateColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'co_host_ids', type: 'uuid', array: true, default: () => "'{}'" })
  coHostIds: string[];

  @Column({ name: 'pattern_kind', type: 'text' })
  patternKind: 'RRULE' | 'SEASONAL_CADENCE';

  @Column({ type: 'text', nullable: true })
  rrule: string | null;

  @Column({ type: 'jsonb', nullable: true })
  cadence: CadenceData | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'until_date', type: 'date', nullable: true })
  untilDate: string | null;

  /** HH:mm:ss as PostgreSQL returns `time`. */
  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ name: 'holiday_policy', type: 'text' })
  holidayPolicy: HolidayPolicy;

  @Column({ name: 'registration_opens_days', type: 'integer', default: 14 })
  registrationOpensDays: number;

  @Column({ name: 'publish_occurrences', type: 'boolean', default: false })
  publishOccurrences: boolean;

  @Column({ name: 'materialized_until', type: 'date' })
  materializedUntil: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
