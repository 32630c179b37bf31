import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 50;

/** Every list takes `take` (default 20, at most 50) and `skip`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  take = 20;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt() @Min(0) @Max(100000)
  skip = 0;
}

/** Keyset paging state: pass `endCursor` as `after` to get the next page. */
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null when the page is empty.' })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}
