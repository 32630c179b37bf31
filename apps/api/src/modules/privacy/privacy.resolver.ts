import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { SessionEvents } from '../../common/auth/session-events.js';
import { JobQueue } from '../../common/jobs/job-queue.service.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { DeleteMyAccountArgs, MyPersonalDataArgs } from './dtos/privacy.inputs.js';
import { REKEY_QUEUE } from './personal-data-rekey.job.js';
import { PrivacyService } from './privacy.service.js';
import { PersonalDataFileType, PersonalDataKeysType } from './privacy.types.js';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly permissions: Permissions,
    private readonly sessions: SessionEvents,
    private readonly queue: JobQueue,
  ) {}

  @Query(() => PersonalDataFileType, { description: "The seeker's own data (profile with the ID number, registrations, check-ins, applications, coaching) as JSON or Excel; audited." })
  async myPersonalData(@CurrentActor() actor: Actor, @Args() { format }: MyPersonalDataArgs): Promise<PersonalDataFileType> {
    this.permissions.require(actor, 'privacy.ownData', undefined);
    return Object.assign(new PersonalDataFileType(), await this.privacy.download(actor, format));
  }

  @Mutation(() => Boolean, { description: "Deletes the seeker's account (password as confirmation): personal data removed, anonymous counts kept; signs out everywhere." })
  async deleteMyAccount(@CurrentActor() actor: Actor, @Args() { password }: DeleteMyAccountArgs): Promise<boolean> {
    this.permissions.require(actor, 'privacy.ownData', undefined);
    const { endedSessions } = await this.privacy.deleteAccount(actor, password);
    for (const sessionId of endedSessions) this.sessions.sessionEnded(sessionId);
    return true;
  }

  @Allow('privacy.manageKeys')
  @Query(() => PersonalDataKeysType, { description: 'ID numbers per personal-data key: how far a key rotation has come (admins only).' })
  async personalDataKeys(): Promise<PersonalDataKeysType> {
    return Object.assign(new PersonalDataKeysType(), await this.privacy.keyStatus());
  }

  @Allow('privacy.manageKeys')
  @Mutation(() => PersonalDataKeysType, { description: 'Queues the re-encryption job that moves every ID number to the current key (admins only).' })
  async rekeyPersonalData(): Promise<PersonalDataKeysType> {
    const jobId = await this.queue.send(REKEY_QUEUE, {});
    return Object.assign(new PersonalDataKeysType(), await this.privacy.keyStatus(jobId));
  }
}
