import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/graphql/pagination.js';

@ObjectType('AuditEntry', { description: '审计日志: who did what, to which record, when and from which address.' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for what the system did on its own.' })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field({ description: 'The domain event, e.g. employer.verified, event.cancelled.' })
  action: string;

  @Field()
  resourceType: string;

  @Field(() => String, { nullable: true })
  resourceId: string | null;

  @Field(() => String, { nullable: true })
  regionCode: string | null;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field({ description: 'What changed (event-specific), as a JSON object.' })
  details: string;
}

@ObjectType('AuditLogPage')
export class AuditLogPage {
  @Field(() => [AuditEntryType])
  items: AuditEntryType[];

  @Field(() => Int)
  total: number;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID()
  actorId?: string;

  @Field({ nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "event.").' }) @IsOptional() @IsString() @MaxLength(60) @Matches(/^[a-z0-9_.-]+$/)
  action?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) @Matches(/^[a-z_]+$/)
  resourceType?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64)
  resourceId?: string;

  @Field({ nullable: true }) @IsOptional() @IsDate()
  from?: Date;

  @Field({ nullable: true }) @IsOptional() @IsDate()
  to?: Date;
}
