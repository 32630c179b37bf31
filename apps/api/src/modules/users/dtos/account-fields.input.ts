import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE_PATTERN } from '@leye/domain';

/** What every new account needs, however it is created (self-registration, staff accounts). */
@InputType({ isAbstract: true })
export abstract class AccountFieldsInput {
  @Field() @IsString() @Length(1, 100)
  displayName: string;

  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(200)
  email?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  phone?: string;

  @Field() @IsString() @MaxLength(128)
  password: string;
}
