import { Column } from 'typeorm';
import type { EventType } from '@leye/domain';

export interface EventDetailsData {
  industry?: string | null;
  university?: string | null;
  universityCity?: string | null;
  delegationEmployerIds?: string[];
}

/** What an event and a series template share: what it is, where, for how many. */
export abstract class EventTemplateColumns {
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  type: EventType;

  @Column({ type: 'text' })
  subtype: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: EventDetailsData;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'venue_id', type: 'uuid', nullable: true })
  venueId: string | null;

  @Column({ name: 'is_online', type: 'boolean', default: false })
  isOnline: boolean;

  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'integer' })
  capacity: number;
}
