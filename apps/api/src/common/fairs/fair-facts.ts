import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Employer ids taking part in each event (booked booth or confirmed delegation place), for the given events. */
export type ExhibitorsSource = (eventIds: string[], manager?: EntityManager) => Promise<Map<string, string[]>>;
/** How many approved, unexpired job postings an employer has. */
export type ApprovedPostingsSource = (employerId: string, manager?: EntityManager) => Promise<number>;

/** Headcount of the approved, unexpired postings of each employer (positions offered at a fair). */
export type PostingHeadcountSource = (employerIds: string[], manager?: EntityManager) => Promise<Map<string, number>>;

/**
 * Facts one fair capability needs from another, without importing it: booth booking asks
 * "does this employer have an approved posting?" (a fair may require one), and the postings
 * capability asks "which employers are coming to this fair?" (its public page shows what they
 * hire). Each feature provides its answer at start (`provide…` in its module constructor);
 * until one is provided the answer is "none".
 */
@Injectable()
export class FairFacts {
  private exhibitors: ExhibitorsSource | null = null;
  private approvedPostings: ApprovedPostingsSource | null = null;
  private postingHeadcount: PostingHeadcountSource | null = null;

  provideExhibitors(source: ExhibitorsSource): void {
    this.exhibitors = source;
  }

  provideApprovedPostings(source: ApprovedPostingsSource): void {
    this.approvedPostings = source;
  }

  providePostingHeadcount(source: PostingHeadcountSource): void {
    this.postingHeadcount = source;
  }

  /** employer id → headcount of its approved postings (0 for employers without, or until provided). */
  async postingHeadcountOf(employerIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    return this.postingHeadcount ? this.postingHeadcount(employerIds, manager) : new Map(employerIds.map((id) => [id, 0]));
  }

  async exhibitorsOf(eventIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    return this.exhibitors ? this.exhibitors(eventIds, manager) : new Map(eventIds.map((id) => [id, []]));
  }

  async approvedPostingCount(employerId: string, manager?: EntityManager): Promise<number> {
    return this.approvedPostings ? this.approvedPostings(employerId, manager) : 0;
  }
}

@Global()
@Module({ providers: [FairFacts], exports: [FairFacts] })
export class FairFactsModule {}
