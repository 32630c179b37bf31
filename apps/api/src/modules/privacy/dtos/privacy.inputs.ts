import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export enum PersonalDataFormat {
  JSON = 'JSON',
  XLSX = 'XLSX',
}
registerEnumType(PersonalDataFormat, { name: 'PersonalDataFormat', description: 'JSON (machine-readable) or an Excel workbook.' });

@ArgsType()
export class MyPersonalDataArgs {
  @Field(() => PersonalDataFormat, { defaultValue: PersonalDataFormat.JSON })
  @IsIn(Object.values(PersonalDataFormat))
  format: PersonalDataFormat = PersonalDataFormat.JSON;
}

@ArgsType()
export class DeleteMyAccountArgs {
  @Field({ description: 'The current password, as confirmation.' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}
