import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUTOPILOT_INTERVAL_SECONDS, BROADCAST_STATUSES, LIVE_CHAT_MAX_LENGTH, LIVE_MUTE_MINUTES, MOBILE_PHONE_PATTERN, SHORT_CODE_PATTERN, type BroadcastStatus } from '@leye/domain';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { BroadcastStatusEnum, CARD_VIA, CardViaEnum, CHAT_RESTRICTION_KINDS, ChatRestrictionKindEnum, type CardVia, type ChatRestrictionKind } from '../broadcast.types.js';

const HLS_URL = /^https?:\/\/[^\s]{3,490}$/;

@InputType({ description: 'A broadcast for a LIVESTREAM calendar event (its schedule and region).' })
export class CreateBroadcastInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the event title.' }) @IsOptional() @IsString() @Length(2, 80)
  title?: string | null;

  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  hostIds: string[] = [];

  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  employerIds: string[] = [];

  @Field(() => String, { nullable: true, description: 'HLS playback URL (.m3u8) of the media server.' })
  @IsOptional() @IsString() @Matches(HLS_URL, { message: 'INVALID_URL' })
  playbackUrl?: string | null;
}

@InputType()
export class UpdateBroadcastInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(2, 80)
  title?: string | null;

  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  hostIds?: string[] | null;

  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  employerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Empty string clears it.' }) @IsOptional() @IsString() @Matches(/^$|^https?:\/\/[^\s]{3,490}$/, { message: 'INVALID_URL' })
  playbackUrl?: string | null;
}

@ArgsType()
export class BroadcastIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  broadcastId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class BroadcastsArgs extends PageArgs {
  @Field(() => BroadcastStatusEnum, { nullable: true }) @IsOptional() @IsIn(BROADCAST_STATUSES)
  status?: BroadcastStatus | null;
}

@ArgsType()
export class BroadcastPageArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  broadcastId: string;
}

@ArgsType()
export class AddCardsArgs extends BroadcastIdArgs {
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  postingIds: string[];
}

@ArgsType()
export class UpdateCardArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  cardId: string;

  @Field(() => String, { nullable: true, description: 'Autopilot script; null or empty clears it.' }) @IsOptional() @IsString() @MaxLength(2000)
  script?: string | null;
}

@ArgsType()
export class CardIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  cardId: string;
}

@ArgsType()
export class ReorderCardsArgs extends BroadcastIdArgs {
  @Field(() => [ID], { description: 'Every card id of the broadcast, in the new order.' }) @IsArray() @ArrayMaxSize(200) @ArrayUnique() @IsUUID('all', { each: true, message: 'INVALID_ID' })
  cardIds: string[];
}

@ArgsType()
export class PushCardArgs extends BroadcastIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  cardId: string;
}

@ArgsType()
export class AnnouncementArgs extends BroadcastIdArgs {
  @Field(() => String, { nullable: true, description: 'null or empty clears the pinned announcement.' }) @IsOptional() @IsString() @MaxLength(200)
  text?: string | null;
}

@ArgsType()
export class ChatMessageArgs extends BroadcastIdArgs {
  @Field() @IsString() @Length(1, LIVE_CHAT_MAX_LENGTH)
  text: string;
}

@ArgsType()
export class RestrictArgs extends BroadcastIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  userId: string;

  @Field(() => ChatRestrictionKindEnum) @IsIn(CHAT_RESTRICTION_KINDS)
  kind: ChatRestrictionKind;

  @Field(() => Int, { nullable: true, description: `MUTE: minutes (${LIVE_MUTE_MINUTES.min}–${LIVE_MUTE_MINUTES.max}, default 10).` })
  @IsOptional() @IsInt() @Min(LIVE_MUTE_MINUTES.min) @Max(LIVE_MUTE_MINUTES.max)
  minutes?: number | null;
}

@ArgsType()
export class LiftRestrictionArgs extends BroadcastIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  userId: string;

  @Field(() => ChatRestrictionKindEnum) @IsIn(CHAT_RESTRICTION_KINDS)
  kind: ChatRestrictionKind;
}

@ArgsType()
export class KeywordArgs {
  @Field() @IsString() @Length(1, 30)
  word: string;
}

@ArgsType()
export class AutopilotArgs extends BroadcastIdArgs {
  @Field() @IsBoolean()
  enabled: boolean;

  @Field(() => Int, { nullable: true, description: `Seconds between cards (${AUTOPILOT_INTERVAL_SECONDS.min}–${AUTOPILOT_INTERVAL_SECONDS.max}); unchanged when left out.` })
  @IsOptional() @IsInt() @Min(AUTOPILOT_INTERVAL_SECONDS.min) @Max(AUTOPILOT_INTERVAL_SECONDS.max)
  intervalSeconds?: number | null;
}

@ArgsType()
export class ShortCodeArgs {
  @Field() @IsString() @Matches(SHORT_CODE_PATTERN, { message: 'INVALID_CODE' })
  code: string;
}

@InputType({ description: 'One-tap apply from a job card. Signed-in seekers: nothing else. Others: name and mobile (a seeker account is created or matched).' })
export class BroadcastApplyInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  cardId: string;

  @Field(() => CardViaEnum, { defaultValue: 'LIVE' }) @IsIn(CARD_VIA)
  via: CardVia = 'LIVE';

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 30)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number (11 digits).' }) @IsOptional() @IsString() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  phone?: string | null;
}

@ArgsType()
export class ImpressionArgs extends CardIdArgs {
  @Field({ description: 'The page\'s random viewer key (8–64 characters), kept in localStorage.' }) @IsString() @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'INVALID_KEY' })
  viewerKey: string;

  @Field(() => CardViaEnum, { defaultValue: 'LINK' }) @IsIn(CARD_VIA)
  via: CardVia = 'LINK';
}
