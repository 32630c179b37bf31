import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ROLES, type Role } from '@leye/domain';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { RoleEnum } from '../../../common/graphql/enums.js';
import { IsRegionCode } from '../../../common/validation/validators.js';

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Part of the name, e-mail or mobile number.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @Field({ nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'true: only deactivated accounts; false: only active ones.' }) @IsOptional() @IsBoolean()
  disabled?: boolean;
}

@ArgsType()
export class UserListArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => UserFilter)
  filter?: UserFilter;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class UserStatusArgs extends UserIdArgs {
  @Field({ description: 'Kept in the audit log.' }) @IsString() @Length(2, 500)
  reason: string;
}
