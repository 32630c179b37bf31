import { Field, ObjectType } from '@nestjs/graphql';
import { UserType } from '../users/user.type.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'JWT for the Authorization header; short-lived.' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single-use: exchange it with refreshSession for a new pair.' })
  refreshToken: string;

  @Field(() => UserType)
  user: UserType;
}
