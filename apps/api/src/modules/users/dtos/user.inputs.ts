import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { Role } from '@leye/domain';
import { RoleEnum } from '../../../common/graphql/enums.js';
import { NewAccountInput } from '../../auth/dtos/register.input.js';
import { IsRegionCode } from '../../../common/validation/validators.js';

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100)
  displayName?: string;

  @Field({ nullable: true, description: 'zh-CN or en' }) @IsOptional() @IsIn(['zh-CN', 'en'])
  locale?: string;
}

@InputType({ description: 'Staff accounts are created by organizers (mentors, hosts) and admins (organizers).' })
export class CreateStaffAccountInput extends NewAccountInput {
  @Field(() => RoleEnum) @IsIn(['ADMIN', 'ORGANIZER', 'MENTOR', 'HOST'])
  role: Role;

  @Field({ nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}
