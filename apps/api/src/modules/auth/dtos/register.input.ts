import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE_PATTERN } from '@leye/domain';
import { IsRegionCode } from '../../../common/validation/validators.js';

@InputType()
export class RegisterSeekerInput {
  @Field() @IsString() @Length(1, 100)
  displayName: string;

  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(200)
  email?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  phone?: string;

  @Field() @IsString() @MaxLength(128)
  password: string;
}

@InputType()
export class RegisterEmployerInput extends RegisterSeekerInput {
  @Field({ description: 'Name of the organisation (用人单位名称).' }) @IsString() @Length(2, 200)
  employerName: string;

  @Field({ description: '统一社会信用代码, 18 characters.' }) @IsString() @MaxLength(40)
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
