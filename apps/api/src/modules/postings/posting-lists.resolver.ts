import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { FlagPhraseInput, PostingIdArgs, UrgentOccupationInput } from './dtos/posting.inputs.js';
import { FlagPhraseType, UrgentOccupationType } from './posting.types.js';
import { PostingListsService } from './posting-lists.service.js';

/** The phrase list (review flags) and the urgent-shortage occupation list. */
@Resolver()
export class PostingListsResolver {
  constructor(private readonly lists: PostingListsService) {}

  @Allow('posting.lists.read')
  @Query(() => [FlagPhraseType], { description: 'Phrases reviewers are warned about (discriminatory terms, hype).' })
  async postingFlagPhrases(): Promise<FlagPhraseType[]> {
    return (await this.lists.phrases()).map((p) => Object.assign(new FlagPhraseType(), p));
  }

  @Allow('posting.lists.manage')
  @Mutation(() => FlagPhraseType)
  async addPostingFlagPhrase(@CurrentActor() actor: Actor, @Args('input') input: FlagPhraseInput): Promise<FlagPhraseType> {
    return Object.assign(new FlagPhraseType(), await this.lists.addPhrase(actor, input));
  }

  @Allow('posting.lists.manage')
  @Mutation(() => Boolean)
  async removePostingFlagPhrase(@CurrentActor() actor: Actor, @Args() { id }: PostingIdArgs): Promise<boolean> {
    return this.lists.removePhrase(actor, id);
  }

  @Public()
  @Query(() => [UrgentOccupationType], { description: '急需紧缺职业(工种)目录: the city\'s urgent-shortage occupations.' })
  async urgentOccupations(): Promise<UrgentOccupationType[]> {
    return (await this.lists.urgentOccupations()).map((u) => Object.assign(new UrgentOccupationType(), u));
  }

  @Allow('posting.lists.manage')
  @Mutation(() => UrgentOccupationType)
  async addUrgentOccupation(@CurrentActor() actor: Actor, @Args('input') input: UrgentOccupationInput): Promise<UrgentOccupationType> {
    return Object.assign(new UrgentOccupationType(), await this.lists.addUrgent(actor, input));
  }

  @Allow('posting.lists.manage')
  @Mutation(() => Boolean)
  async removeUrgentOccupation(@CurrentActor() actor: Actor, @Args() { id }: PostingIdArgs): Promise<boolean> {
    return this.lists.removeUrgent(actor, id);
  }
}
