import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE_PATTERN } from '@leye/domain';

@InputType()
export class RegisterSeekerInput {
  @Field() @IsString() @Length(1, 100)
  displayName: string;

  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: '邮箱格式不正确 / Not a valid e-mail address' }) @MaxLength(200)
  email?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(MOBILE_PHONE_PATTERN, { message: '手机号应为 11 位大陆手机号 / Use an 11-digit mainland mobile number' })
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

  @Field() @IsString() @Length(6, 6)
  regionCode: string;
}

@InputType()
export class LoginInput {
  @Field({ description: 'E-mail or mobile number.' }) @IsString() @Length(1, 200)
  login: string;

  @Field() @IsString() @MaxLength(128)
  password: string;
}
