import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import {
  BroadcastApplicationPage,
  BroadcastApplyResultType,
  BroadcastAutopilotType,
  BroadcastCardLinkType,
  BroadcastCardType,
  BroadcastChatMessageType,
  BroadcastFunnelCountsType,
  BroadcastFunnelType,
  BroadcastModerationType,
  BroadcastPage,
  BroadcastPersonType,
  BroadcastStatsType,
  BroadcastType,
  ChatKeywordType,
} from './broadcast.types.js';
import { BroadcastsService } from './broadcasts.service.js';
import { BroadcastLiveService } from './broadcast-live.service.js';
import { BroadcastStatsService, funnelCounts } from './broadcast-stats.service.js';
import {
  AddCardsArgs,
  AnnouncementArgs,
  AutopilotArgs,
  BroadcastApplyInput,
  BroadcastIdArgs,
  BroadcastPageArgs,
  BroadcastsArgs,
  CardIdArgs,
  ChatMessageArgs,
  CreateBroadcastInput,
  IdArgs,
  ImpressionArgs,
  KeywordArgs,
  LiftRestrictionArgs,
  PushCardArgs,
  ReorderCardsArgs,
  RestrictArgs,
  ShortCodeArgs,
  UpdateBroadcastInput,
  UpdateCardArgs,
} from './dtos/broadcast.inputs.js';

/** Broadcasts (直播带岗, docs/livestream.md). Socket equivalents of the host operations: broadcasts.gateway.ts. */
@Resolver(() => BroadcastType)
export class BroadcastsResolver {
  constructor(
    private readonly service: BroadcastsService,
    private readonly live: BroadcastLiveService,
    private readonly stats: BroadcastStatsService,
  ) {}

  // ── reading ────────────────────────────────────────────────────────────────
  @Public()
  @Query(() => BroadcastPage, { description: 'Broadcasts of published LIVESTREAM events (staff also see their regions\' drafts), live first, then by start.' })
  async broadcasts(@CurrentActor() actor: Actor | undefined, @Args() args: BroadcastsArgs): Promise<BroadcastPage> {
    return this.service.list(actor, args, false);
  }

  @Allow('broadcast.listHosted')
  @Query(() => BroadcastPage, { description: 'Broadcasts the caller hosts (HOST) or manages (staff of its region).' })
  async hostedBroadcasts(@CurrentActor() actor: Actor, @Args() args: BroadcastsArgs): Promise<BroadcastPage> {
    return this.service.list(actor, args, true);
  }

  @Public()
  @Query(() => BroadcastType, { description: 'One broadcast; ingest details and scripts only for its hosts.' })
  async broadcast(@CurrentActor() actor: Actor | undefined, @Args() { id }: IdArgs): Promise<BroadcastType> {
    const row = await this.service.readable(actor, id);
    return this.service.view(actor, row);
  }

  @Public()
  @Query(() => BroadcastCardLinkType, { description: 'What a card\'s short link / QR code opens (also GET /l/:code redirects to the viewer page).' })
  async broadcastCardLink(@CurrentActor() actor: Actor | undefined, @Args() { code }: ShortCodeArgs): Promise<BroadcastCardLinkType> {
    return this.service.cardLink(actor, code);
  }

  @Public()
  @Query(() => [BroadcastChatMessageType], { description: 'The most recent chat messages (oldest first).' })
  async broadcastChat(@CurrentActor() actor: Actor | undefined, @Args() { broadcastId }: BroadcastIdArgs): Promise<BroadcastChatMessageType[]> {
    await this.service.readable(actor, broadcastId);
    return this.live.recentChat(broadcastId);
  }

  @Query(() => BroadcastApplicationPage, { description: 'Live feed of applications credited to the broadcast, newest first (hosts, staff of its region).' })
  async broadcastApplications(@CurrentActor() actor: Actor, @Args() args: BroadcastPageArgs): Promise<BroadcastApplicationPage> {
    const row = await this.service.requireFor(actor, args.broadcastId, 'broadcast.stats');
    return this.stats.applications(row.id, args);
  }

  @Query(() => BroadcastFunnelType, { description: 'Impressions → applications → interviews → hires, per broadcast and per card (hosts, staff of its region).' })
  async broadcastFunnel(@CurrentActor() actor: Actor, @Args() { broadcastId }: BroadcastIdArgs): Promise<BroadcastFunnelType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.stats');
    return this.stats.funnel(row.id);
  }

  @ResolveField(() => BroadcastFunnelCountsType, {
    nullable: true,
    description: 'The funnel totals (null unless the caller may see its figures: viewerCan.stats); a list asks one grouped query for all its rows.',
  })
  async funnelTotal(@Parent() b: BroadcastType, @Context() ctx: GraphQLContext): Promise<BroadcastFunnelCountsType | null> {
    if (!b.viewerCan.stats) return null;
    return funnelCounts(await ctx.loaders.broadcastFunnelTotal.load(b.id));
  }

  @Query(() => BroadcastStatsType, { description: 'Peak and unique viewers, watch minutes, impressions and applications per card (Excel: GET /exports/broadcasts/:id/stats.xlsx).' })
  async broadcastStats(@CurrentActor() actor: Actor, @Args() { broadcastId }: BroadcastIdArgs): Promise<BroadcastStatsType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.stats');
    return this.stats.stats(row);
  }

  @Query(() => BroadcastModerationType, { description: 'Active mutes and bans, and the keyword filter (hosts).' })
  async broadcastModeration(@CurrentActor() actor: Actor, @Args() { broadcastId }: BroadcastIdArgs): Promise<BroadcastModerationType> {
    await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    return this.live.moderation(broadcastId);
  }

  @Query(() => BroadcastAutopilotType, { description: 'Autopilot state and the current and next card with their scripts (hosts).' })
  async broadcastAutopilot(@CurrentActor() actor: Actor, @Args() { broadcastId }: BroadcastIdArgs): Promise<BroadcastAutopilotType> {
    await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    return this.live.autopilotState(broadcastId);
  }

  @Allow('chatKeyword.manage')
  @Query(() => [ChatKeywordType], { description: 'The chat keyword filter (staff).' })
  async chatKeywords(): Promise<ChatKeywordType[]> {
    return this.live.keywords();
  }

  @Allow('broadcast.listHosted')
  @Query(() => [BroadcastPersonType], { description: 'HOST accounts the caller may assign (staff: its regions; a host: itself).' })
  async broadcastHostCandidates(@CurrentActor() actor: Actor): Promise<BroadcastPersonType[]> {
    return this.service.hostCandidates(actor);
  }

  // ── managing ───────────────────────────────────────────────────────────────
  @Mutation(() => BroadcastType, { description: 'A broadcast for a LIVESTREAM event (one per event); counts toward the livestream quota once live.' })
  async createBroadcast(@CurrentActor() actor: Actor, @Args('input') input: CreateBroadcastInput): Promise<BroadcastType> {
    return this.service.view(actor, await this.service.create(actor, input));
  }

  @Mutation(() => BroadcastType, { description: 'Title, hosts, employer line-up, playback URL (staff of its region).' })
  async updateBroadcast(@CurrentActor() actor: Actor, @Args() { id }: IdArgs, @Args('input') input: UpdateBroadcastInput): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, id, 'broadcast.manage');
    return this.service.view(actor, await this.service.update(actor, row, input));
  }

  @Mutation(() => BroadcastType, { description: 'Adds approved postings as job cards at the end of the line-up (hosts); a posting already there is skipped.' })
  async addBroadcastCards(@CurrentActor() actor: Actor, @Args() { broadcastId, postingIds }: AddCardsArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    await this.service.addCards(row, postingIds);
    this.live.invalidate(row.id);
    return this.service.view(actor, await this.service.get(row.id));
  }

  @Mutation(() => BroadcastCardType, { description: 'Sets a card\'s autopilot script (hosts).' })
  async updateBroadcastCard(@CurrentActor() actor: Actor, @Args() { cardId, script }: UpdateCardArgs): Promise<BroadcastCardType> {
    const row = await this.service.requireForCard(actor, cardId, 'broadcast.host');
    this.live.invalidate(row.id);
    return this.service.updateCard(row, cardId, script ?? null);
  }

  @Mutation(() => BroadcastType, { description: 'Removes a card from the line-up (hosts); applications keep their source.' })
  async removeBroadcastCard(@CurrentActor() actor: Actor, @Args() { cardId }: CardIdArgs): Promise<BroadcastType> {
    const row = await this.service.requireForCard(actor, cardId, 'broadcast.host');
    await this.service.removeCard(row, cardId);
    this.live.invalidate(row.id);
    return this.service.view(actor, await this.service.get(row.id));
  }

  @Mutation(() => BroadcastType, { description: 'Reorders the line-up, i.e. the queue of next cards (hosts).' })
  async reorderBroadcastCards(@CurrentActor() actor: Actor, @Args() { broadcastId, cardIds }: ReorderCardsArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    await this.service.reorderCards(row, cardIds);
    this.live.invalidate(row.id);
    return this.service.view(actor, await this.service.get(row.id));
  }

  // ── running ────────────────────────────────────────────────────────────────
  @Mutation(() => BroadcastType, { description: 'SCHEDULED → LIVE (hosts).' })
  async startBroadcast(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, id, 'broadcast.host');
    return this.service.view(actor, await this.live.setStatus(actor, row, 'LIVE'));
  }

  @Mutation(() => BroadcastType, { description: 'LIVE → ENDED (hosts); autopilot stops.' })
  async endBroadcast(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, id, 'broadcast.host');
    return this.service.view(actor, await this.live.setStatus(actor, row, 'ENDED'));
  }

  @Mutation(() => BroadcastType, { description: 'Makes a card the pinned card of every viewer (hosts; socket: live:push).' })
  async pushBroadcastCard(@CurrentActor() actor: Actor, @Args() { broadcastId, cardId }: PushCardArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    await this.live.pushCard(row.id, cardId);
    return this.service.view(actor, await this.service.get(row.id));
  }

  @Mutation(() => BroadcastType, { description: 'Sets or clears the pinned announcement (hosts; socket: live:announce).' })
  async setBroadcastAnnouncement(@CurrentActor() actor: Actor, @Args() { broadcastId, text }: AnnouncementArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    await this.live.announce(row.id, text ?? null);
    return this.service.view(actor, await this.service.get(row.id));
  }

  @Mutation(() => BroadcastType, { description: 'Turns autopilot (cards rotate at an interval, scripts for a digital human) on or off (hosts).' })
  async setBroadcastAutopilot(@CurrentActor() actor: Actor, @Args() args: AutopilotArgs): Promise<BroadcastType> {
    const row = await this.service.requireFor(actor, args.broadcastId, 'broadcast.host');
    await this.live.setAutopilot(row, args.enabled, args.intervalSeconds ?? null);
    return this.service.view(actor, await this.service.get(row.id));
  }

  // ── chat ───────────────────────────────────────────────────────────────────
  @Allow('broadcast.chat')
  @Mutation(() => BroadcastChatMessageType, { description: 'Posts to the chat (signed in; mutes, bans, the keyword filter and the rate limit apply; socket: live:chat).' })
  async sendChatMessage(@CurrentActor() actor: Actor, @Args() { broadcastId, text }: ChatMessageArgs): Promise<BroadcastChatMessageType> {
    const row = await this.service.readable(actor, broadcastId);
    return this.live.postChat(actor, row, text, `user:${actor.id}`);
  }

  @Mutation(() => Boolean, { description: 'Deletes a chat message on every screen (hosts; socket: live:moderate DELETE).' })
  async deleteChatMessage(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<boolean> {
    const broadcastId = await this.live.messageBroadcast(id);
    await this.service.requireFor(actor, broadcastId, 'broadcast.host');
    await this.live.deleteMessages(broadcastId, [id], actor.id);
    return true;
  }

  @Mutation(() => BroadcastModerationType, { description: 'Mutes a user for some minutes or bans them from the chat (hosts; socket: live:moderate).' })
  async restrictChatUser(@CurrentActor() actor: Actor, @Args() args: RestrictArgs): Promise<BroadcastModerationType> {
    const row = await this.service.requireFor(actor, args.broadcastId, 'broadcast.host');
    await this.live.restrict(actor, row, args.userId, args.kind, args.minutes ?? 10);
    return this.live.moderation(row.id);
  }

  @Mutation(() => BroadcastModerationType, { description: 'Lifts a mute or ban (hosts).' })
  async liftChatRestriction(@CurrentActor() actor: Actor, @Args() args: LiftRestrictionArgs): Promise<BroadcastModerationType> {
    const row = await this.service.requireFor(actor, args.broadcastId, 'broadcast.host');
    await this.live.lift(row, args.userId, args.kind);
    return this.live.moderation(row.id);
  }

  @Allow('chatKeyword.manage')
  @Mutation(() => ChatKeywordType, { description: 'Adds a word to the chat filter (staff).' })
  async addChatKeyword(@CurrentActor() actor: Actor, @Args() { word }: KeywordArgs): Promise<ChatKeywordType> {
    return this.live.addKeyword(actor, word);
  }

  @Allow('chatKeyword.manage')
  @Mutation(() => Boolean, { description: 'Removes a word from the chat filter (staff).' })
  async removeChatKeyword(@Args() { id }: IdArgs): Promise<boolean> {
    await this.live.removeKeyword(id);
    return true;
  }

  // ── viewers ────────────────────────────────────────────────────────────────
  @Public()
  @Mutation(() => BroadcastApplyResultType, {
    description: 'One-tap apply from a job card: a signed-in seeker at once; otherwise name + mobile (a seeker account is created or matched). Idempotent per posting and seeker; the application\'s source is the broadcast and card.',
  })
  async applyFromBroadcast(@CurrentActor() actor: Actor | undefined, @Args('input') input: BroadcastApplyInput): Promise<BroadcastApplyResultType> {
    return this.live.apply(actor, input);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Counts a card impression once per viewer key (the short-link page; the live page uses the socket event live:impression).' })
  async recordCardImpression(@CurrentActor() actor: Actor | undefined, @Args() { cardId, viewerKey, via }: ImpressionArgs): Promise<boolean> {
    const row = await this.service.requireForCard(actor, cardId, 'broadcast.read');
    return this.live.impression(row.id, cardId, viewerKey, via);
  }
}
