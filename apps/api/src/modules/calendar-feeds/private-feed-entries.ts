import { Injectable } from '@nestjs/common';
import type { FeedLanguage } from './ical-calendar.js';

/**
 * Entries of a private calendar feed that are not events: what another capability adds to its users'
 * feeds (mentors' coaching sessions). A capability registers a source in its module's constructor
 * (it imports this module; this module imports none of them, so there is no cycle).
 */
export interface PrivateFeedEntry {
  /** Globally unique and stable (becomes the UID), e.g. `coaching-<id>`. */
  uid: string;
  start: Date;
  /** Omitted with `allDay`. */
  end?: Date;
  /** A whole day (YYYY-MM-DD, Asia/Shanghai) instead of start/end. */
  allDay?: string;
  summary: string;
  description?: string;
  location?: string;
  /** A path of the web app, e.g. `/mentor/sessions`. */
  path?: string;
  updatedAt: Date;
}

export interface PrivateFeedEntrySource {
  readonly name: string;
  entriesFor(userId: string, language: FeedLanguage): Promise<PrivateFeedEntry[]>;
}

@Injectable()
export class PrivateFeedEntries {
  private readonly sources: PrivateFeedEntrySource[] = [];

  register(source: PrivateFeedEntrySource): void {
    if (this.sources.some((s) => s.name === source.name)) throw new Error(`Private feed source ${source.name} is registered twice`);
    this.sources.push(source);
  }

  async entriesFor(userId: string, language: FeedLanguage): Promise<PrivateFeedEntry[]> {
    return (await Promise.all(this.sources.map((s) => s.entriesFor(userId, language)))).flat();
  }
}
