import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MOBILE_PHONE_PATTERN } from '@leye/domain';
import { Type } from 'class-transformer';
import { EmployerStatus } from '../employer.entity.js';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { IsRegionCode } from '../../../common/validation/validators.js';

@InputType()
export class EmployerFilter {
  @Field(() => EmployerStatus, { nullable: true }) @IsOptional() @IsEnum(EmployerStatus)
  status?: EmployerStatus;

  @Field({ nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'Part of the name or the credit code.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

@ArgsType()
export class EmployerListArgs extends PageArgs {
  @Field(() => EmployerFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EmployerFilter)
  filter?: EmployerFilter;
}

@ArgsType()
export class EmployerIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class RejectEmployerArgs extends EmployerIdArgs {
  @Field({ description: 'Shown to the employer.' }) @IsString() @MaxLength(500)
  reason: string;
}

@InputType({ description: 'A rejected employer corrects its details and asks for review again.' })
export class ResubmitEmployerInput {
  @Field() @IsString() @Length(2, 200)
  name: string;

  @Field({ description: 'Spaces and separators are removed first.' }) @IsString() @MaxLength(60)
  creditCode: string;

  @Field() @IsRegionCode()
  regionCode: string;

  @Field() @IsString() @Length(1, 100)
  contactName: string;

  @Field({ nullable: true }) @IsOptional() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  contactPhone?: string;
}

@ArgsType()
export class RevokeEmployerArgs extends EmployerIdArgs {
  @Field({ description: 'Shown to the employer and kept in the audit log.' }) @IsString() @Length(2, 500)
  reason: string;
}
