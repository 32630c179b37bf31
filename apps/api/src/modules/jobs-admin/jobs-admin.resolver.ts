import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { notFound } from '../../common/errors/app-error.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { JobQueue } from '../../common/jobs/job-queue.service.js';
import { FailedJobPage, FailedJobType, RetryJobArgs } from './jobs-admin.types.js';

/** Admins see background jobs that failed for good and put them back in line. */
@Resolver()
export class JobsAdminResolver {
  constructor(private readonly queue: JobQueue) {}

  @Allow('job.manage')
  @Query(() => FailedJobPage, { description: 'Background jobs that used up their retries, newest first (admins only).' })
  async failedJobs(@Args() { take, skip }: PageArgs): Promise<FailedJobPage> {
    return Object.assign(new FailedJobPage(), await this.queue.failedJobs(take, skip));
  }

  @Allow('job.manage')
  @Mutation(() => FailedJobType, { description: 'Puts a failed job back in line for one more attempt (admins only).' })
  async retryJob(@Args() { id }: RetryJobArgs): Promise<FailedJobType> {
    const job = await this.queue.failedJob(id);
    if (!job || !(await this.queue.retry(id))) throw notFound('Failed job');
    return Object.assign(new FailedJobType(), job);
  }
}
