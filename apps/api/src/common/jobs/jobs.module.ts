import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEvents } from '../domain-events/domain-events.service.js';
import { JobQueue } from './job-queue.service.js';
import { ScheduledJobs } from './scheduled-jobs.explorer.js';
import { DecoratedMethods } from '../discovery/decorated-methods.js';

/** The job queue, the domain-event outbox and the scheduled jobs, available to every feature. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [DecoratedMethods, JobQueue, DomainEvents, ScheduledJobs],
  exports: [JobQueue, DomainEvents],
})
export class JobsModule {}
