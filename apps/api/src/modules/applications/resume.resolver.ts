import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { SeekerResumeType } from './application.types.js';
import { ResumeInput } from './dtos/application.inputs.js';
import { ResumeService } from './resume.service.js';

/** The seeker's résumé fields: the profile an application snapshots. */
@Resolver(() => SeekerResumeType)
export class ResumeResolver {
  constructor(private readonly resumes: ResumeService) {}

  @Allow('resume.manageOwn')
  @Query(() => SeekerResumeType, { description: "The seeker's own résumé fields (empty until first saved)." })
  async myResume(@CurrentActor() actor: Actor): Promise<SeekerResumeType> {
    return Object.assign(new SeekerResumeType(), await this.resumes.get(actor.id));
  }

  @Allow('resume.manageOwn')
  @Mutation(() => SeekerResumeType, { description: 'Saves résumé fields; those left out keep their value, null clears one. Applications already sent keep their snapshot.' })
  async updateMyResume(@CurrentActor() actor: Actor, @Args('input') input: ResumeInput): Promise<SeekerResumeType> {
    return Object.assign(new SeekerResumeType(), await this.resumes.update(actor.id, input));
  }
}
