import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JobQueue } from './job-queue.service.js';
import { SCHEDULED_JOB, type ScheduledJobMetadata } from './scheduled-job.decorator.js';

/** Finds every `@ScheduledJob` method and registers it as a queue with its cron. */
@Injectable()
export class ScheduledJobs implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method] as (() => Promise<unknown>) | undefined;
        const meta = fn && this.reflector.get<ScheduledJobMetadata | undefined>(SCHEDULED_JOB, fn);
        if (meta) this.queue.register(meta.name, () => fn.call(instance), { cron: meta.cron, retryLimit: meta.retryLimit ?? 2 });
      }
    }
  }
}
