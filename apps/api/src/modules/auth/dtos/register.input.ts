import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsRegionCode } from '../../../common/validation/validators.js';
import { AccountFieldsInput } from '../../users/dtos/account-fields.input.js';

@InputType()
export class RegisterSeekerInput extends AccountFieldsInput {}

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
