import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BROADCAST_STATUSES, type BroadcastStatus } from '@leye/domain';

export const BroadcastStatusEnum = Object.fromEntries(BROADCAST_STATUSES.map((s) => [s, s])) as { [S in BroadcastStatus]: S };
registerEnumType(BroadcastStatusEnum, { name: 'BroadcastStatus', description: 'SCHEDULED → LIVE → ENDED (final).' });

export const CHAT_RESTRICTION_KINDS = ['MUTE', 'BAN'] as const;
export type ChatRestrictionKind = (typeof CHAT_RESTRICTION_KINDS)[number];
export const ChatRestrictionKindEnum = { MUTE: 'MUTE', BAN: 'BAN' } as const;
registerEnumType(ChatRestrictionKindEnum, { name: 'ChatRestrictionKind', description: 'MUTE (for a time) or BAN (for the rest of the broadcast).' });

export const CARD_VIA = ['LIVE', 'LINK'] as const;
export type CardVia = (typeof CARD_VIA)[number];
export const CardViaEnum = { LIVE: 'LIVE', LINK: 'LINK' } as const;
registerEnumType(CardViaEnum, { name: 'BroadcastCardVia', description: 'LIVE: the card on the viewer page; LINK: the short link / QR code.' });

@ObjectType('BroadcastPerson')
export class BroadcastPersonType {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}

@ObjectType('BroadcastEmployer')
export class BroadcastEmployerType {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('BroadcastCard', { description: 'A job card: an approved posting in the line-up, with its short link and autopilot script.' })
export class BroadcastCardType {
  @Field(() => ID) id: string;
  @Field(() => ID) broadcastId: string;
  @Field(() => ID) postingId: string;
  @Field(() => Int, { description: 'Place in the line-up (the queue of next cards is the line-up after the current card).' }) position: number;
  @Field() title: string;
  @Field(() => ID) employerId: string;
  @Field() employerName: string;
  @Field(() => Int, { nullable: true, description: 'Monthly, CNY.' }) salaryMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Monthly, CNY.' }) salaryMax: number | null;
  @Field(() => Int, { nullable: true }) headcount: number | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field({ description: '8-character code of the short link /l/<code>.' }) shortCode: string;
  @Field({ description: 'Absolute short link (the QR code content).' }) shortUrl: string;
  @Field(() => String, { nullable: true, description: 'Autopilot script (hosts only; null for others).' }) script: string | null;
  @Field(() => Date, { nullable: true }) firstShownAt: Date | null;
  @Field(() => Int) shownCount: number;
}

@ObjectType('BroadcastIngest', { description: 'Where the hosts send video (RTMP or WHIP) — hosts only.' })
export class BroadcastIngestType {
  @Field(() => String, { nullable: true, description: 'rtmp://…/live (OBS "Server"), null when no media server is configured.' }) rtmpUrl: string | null;
  @Field({ description: 'The secret stream key; also the bearer key of the autopilot script endpoint.' }) streamKey: string;
  @Field({ description: 'What OBS takes as "Stream key" with rtmpUrl as "Server": <broadcast id>?key=<stream key> (MediaMTX asks the API whether the key fits).' }) rtmpStreamKey: string;
  @Field(() => String, { nullable: true, description: 'WHIP endpoint with the key (OBS 30+ "WHIP" output, as Server).' }) whipUrl: string | null;
}

@ObjectType('BroadcastAutopilotSettings')
export class BroadcastAutopilotSettingsType {
  @Field() enabled: boolean;
  @Field(() => Int) intervalSeconds: number;
  @Field(() => Date, { nullable: true, description: 'When autopilot pushes the next card.' }) nextAt: Date | null;
}

@ObjectType('BroadcastViewerCan')
export class BroadcastViewerCanType {
  @Field({ description: 'One of its hosts: go live/end, push, queue, moderate, announce, autopilot.' }) host: boolean;
  @Field({ description: 'Organizer covering its region: edit line-ups and hosts.' }) manage: boolean;
  @Field({ description: 'Funnel, stats, live applications feed, export.' }) stats: boolean;
  @Field({ description: 'Signed in, not muted or banned.' }) chat: boolean;
}

@ObjectType('Broadcast')
export class BroadcastType {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The LIVESTREAM calendar event.' }) eventId: string;
  @Field() title: string;
  @Field() regionCode: string;
  @Field(() => BroadcastStatusEnum) status: BroadcastStatus;
  @Field({ description: 'The event schedule.' }) startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'HLS playback URL (.m3u8).' }) playbackUrl: string | null;
  @Field(() => BroadcastIngestType, { nullable: true, description: 'Hosts only.' }) ingest: BroadcastIngestType | null;
  @Field(() => [BroadcastPersonType]) hosts: BroadcastPersonType[];
  @Field(() => [BroadcastEmployerType]) employers: BroadcastEmployerType[];
  @Field(() => [BroadcastCardType], { description: 'The line-up in order.' }) cards: BroadcastCardType[];
  @Field(() => ID, { nullable: true }) currentCardId: string | null;
  @Field(() => Int, { description: 'Push sequence number (matches live:card seq).' }) cardSeq: number;
  @Field(() => String, { nullable: true }) announcement: string | null;
  @Field(() => Int, { description: 'Viewers now, every instance summed.' }) viewerCount: number;
  @Field(() => Int) peakViewers: number;
  @Field(() => BroadcastAutopilotSettingsType) autopilot: BroadcastAutopilotSettingsType;
  @Field(() => BroadcastViewerCanType) viewerCan: BroadcastViewerCanType;
}

@ObjectType('BroadcastPage')
export class BroadcastPage {
  @Field(() => [BroadcastType]) items: BroadcastType[];
  @Field(() => Int) total: number;
}

@ObjectType('BroadcastCardLink', { description: 'What a short link / QR code opens.' })
export class BroadcastCardLinkType {
  @Field(() => ID) broadcastId: string;
  @Field() broadcastTitle: string;
  @Field(() => BroadcastStatusEnum) broadcastStatus: BroadcastStatus;
  @Field(() => BroadcastCardType) card: BroadcastCardType;
}

@ObjectType('BroadcastChatMessage')
export class BroadcastChatMessageType {
  @Field(() => ID) id: string;
  @Field(() => ID) broadcastId: string;
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field() text: string;
  @Field() at: Date;
}

@ObjectType('ChatRestriction')
export class ChatRestrictionType {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field(() => ChatRestrictionKindEnum) kind: ChatRestrictionKind;
  @Field(() => Date, { nullable: true, description: 'End of a mute; null for a ban.' }) until: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('BroadcastModeration')
export class BroadcastModerationType {
  @Field(() => ID) broadcastId: string;
  @Field(() => [ChatRestrictionType], { description: 'Active mutes and bans.' }) restrictions: ChatRestrictionType[];
  @Field(() => [String], { description: 'The keyword filter (maintained by staff; applies to every broadcast).' }) keywords: string[];
}

@ObjectType('ChatKeyword')
export class ChatKeywordType {
  @Field(() => ID) id: string;
  @Field() word: string;
  @Field() createdAt: Date;
}

@ObjectType('BroadcastApplication', { description: 'An application credited to a broadcast (hosts\' live feed): masked name, no contact.' })
export class BroadcastApplicationType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) cardId: string | null;
  @Field(() => ID) postingId: string;
  @Field() postingTitle: string;
  @Field() employerName: string;
  @Field({ description: 'Masked (张*).' }) applicantName: string;
  @Field() status: string;
  @Field() submittedAt: Date;
}

@ObjectType('BroadcastApplicationPage')
export class BroadcastApplicationPage {
  @Field(() => [BroadcastApplicationType]) items: BroadcastApplicationType[];
  @Field(() => Int) total: number;
}

@ObjectType('BroadcastFunnelCounts')
export class BroadcastFunnelCountsType {
  @Field(() => Int) impressions: number;
  @Field(() => Int) applications: number;
  @Field(() => Int) interviews: number;
  @Field(() => Int) hires: number;
}

@ObjectType('BroadcastCardFunnel')
export class BroadcastCardFunnelType {
  @Field(() => ID) cardId: string;
  @Field(() => ID) postingId: string;
  @Field() postingTitle: string;
  @Field() employerName: string;
  @Field(() => BroadcastFunnelCountsType) funnel: BroadcastFunnelCountsType;
}

@ObjectType('BroadcastFunnel', { description: 'Impressions → applications → interviews → hires, for the broadcast and per card.' })
export class BroadcastFunnelType {
  @Field(() => ID) broadcastId: string;
  @Field(() => BroadcastFunnelCountsType) total: BroadcastFunnelCountsType;
  @Field(() => [BroadcastCardFunnelType]) cards: BroadcastCardFunnelType[];
}

@ObjectType('BroadcastCardStats')
export class BroadcastCardStatsType {
  @Field(() => ID) cardId: string;
  @Field() postingTitle: string;
  @Field() employerName: string;
  @Field(() => Int) shownCount: number;
  @Field(() => Int) impressions: number;
  @Field(() => Int) applications: number;
  @Field(() => Float, { description: 'applications / impressions (0 without impressions).' }) conversion: number;
}

@ObjectType('BroadcastStats', { description: 'After (and during) the broadcast.' })
export class BroadcastStatsType {
  @Field(() => ID) broadcastId: string;
  @Field(() => Int) peakViewers: number;
  @Field(() => Int) uniqueViewers: number;
  @Field(() => Int) watchMinutes: number;
  @Field(() => Int) impressions: number;
  @Field(() => Int) applications: number;
  @Field(() => Float) conversion: number;
  @Field(() => [BroadcastCardStatsType]) cards: BroadcastCardStatsType[];
}

@ObjectType('BroadcastAutopilotCard')
export class BroadcastAutopilotCardType {
  @Field(() => ID) cardId: string;
  @Field() title: string;
  @Field() employerName: string;
  @Field(() => String, { description: 'The text a digital human / TTS reads (a default is made from the posting when none is written).' }) script: string;
}

@ObjectType('BroadcastAutopilot', { description: 'Autopilot state for a digital-human / TTS system (also REST: GET /live-api/broadcasts/:id/autopilot with the stream key).' })
export class BroadcastAutopilotType {
  @Field(() => ID) broadcastId: string;
  @Field() enabled: boolean;
  @Field(() => Int) intervalSeconds: number;
  @Field(() => Date, { nullable: true }) nextAt: Date | null;
  @Field(() => BroadcastAutopilotCardType, { nullable: true }) current: BroadcastAutopilotCardType | null;
  @Field(() => BroadcastAutopilotCardType, { nullable: true }) next: BroadcastAutopilotCardType | null;
}

@ObjectType('BroadcastApplyResult')
export class BroadcastApplyResultType {
  @Field(() => ID) applicationId: string;
  @Field({ description: 'true: this seeker had already applied to the posting (nothing new was created).' }) alreadyApplied: boolean;
  @Field({ description: 'true: a seeker account was created from the name and mobile number.' }) accountCreated: boolean;
}
