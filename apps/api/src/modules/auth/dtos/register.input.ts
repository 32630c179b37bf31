import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsRegionCode } from '../../../common/validation/validators.js';
import { AccountFieldsInput } from '../../users/dtos/account-fields.input.js';

@InputType()
export class RegisterSeekerInput extends AccountFieldsInput {
  /** The county or district the person lives in (statistics and notifications are by region). */
  @Field({ nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}

@InputType()
export class RegisterEmployerInput extends AccountFieldsInput {
  @Field({ description: 'Name of the organisation (用人单位名称).' }) @IsString() @Length(2, 200)
  employerName: string;

  @Field({ description: '统一社会信用代码, 18 characters (spaces and separators are removed first).' }) @IsString() @MaxLength(60)
  creditCode: string;

  @Field() @IsRegionCode()
  regionCode: string;
}

@InputType()
export class LoginInput {
  @Field({ description: 'E-mail or mobile number.' }) @IsString() @Length(1, 200)
  login: string;

  @Field() @IsString() @MaxLength(128)
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @MaxLength(128)
  currentPassword: string;

  @Field() @IsString() @MaxLength(128)
  newPassword: string;
}

@InputType({ description: 'A one-time code an organizer or admin issued, with the account it was issued for.' })
export class ResetPasswordInput {
  @Field({ description: 'E-mail or mobile number.' }) @IsString() @Length(1, 200)
  login: string;

  @Field() @IsString() @Length(4, 40)
  code: string;

  @Field() @IsString() @MaxLength(128)
  newPassword: string;
}
