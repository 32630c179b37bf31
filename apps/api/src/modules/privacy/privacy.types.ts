import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PersonalDataFileType {
  @Field() filename: string;
  @Field() contentType: string;
  @Field() base64: string;
}

@ObjectType()
export class PersonalDataKeyCount {
  @Field() keyId: string;
  @Field(() => Int, { description: 'ID numbers encrypted under this key.' }) rows: number;
  @Field({ description: 'Whether this process holds the key (current or in PERSONAL_DATA_OLD_KEYS).' }) loaded: boolean;
}

@ObjectType()
export class PersonalDataKeysType {
  @Field({ description: 'New ID numbers are encrypted under this key.' }) currentKeyId: string;
  @Field(() => [String]) loadedKeyIds: string[];
  @Field(() => [PersonalDataKeyCount]) keys: PersonalDataKeyCount[];
  @Field(() => Int, { description: 'Rows still under another key than the current one.' }) pending: number;
  @Field(() => String, { nullable: true, description: 'The queued re-encryption job (rekeyPersonalData).' }) jobId: string | null;
}
