import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DecoratedMethods } from '../discovery/decorated-methods.js';
import { JobQueue } from './job-queue.service.js';
import { SCHEDULED_JOB, type ScheduledJobMetadata } from './scheduled-job.decorator.js';

/** Finds every `@ScheduledJob` method and registers it as a queue with its cron. */
@Injectable()
export class ScheduledJobs implements OnModuleInit {
  constructor(
    private readonly methods: DecoratedMethods,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    for (const { call, meta } of this.methods.find<ScheduledJobMetadata, () => Promise<unknown>>(SCHEDULED_JOB)) {
      // Called without the job's payload: scheduled methods take their own defaults (e.g. `now`).
      this.queue.register(meta.name, () => call(), { cron: meta.cron, retryLimit: meta.retryLimit ?? 2 });
    }
  }
}
