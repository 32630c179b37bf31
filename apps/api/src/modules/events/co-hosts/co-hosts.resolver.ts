import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '../../../common/auth/decorators.js';
import { Allow } from '../../../common/permissions/allow.decorator.js';
import { conflict, uniqueViolation } from '../../../common/errors/app-error.js';
import { CoHostBodyEntity } from './co-host-body.entity.js';
import { CoHostBodyType, toCoHostBodyType } from '../event.types.js';

@ArgsType()
class CoHostListArgs {
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() includeInactive: boolean = false;
}

@ArgsType()
class CreateCoHostArgs {
  @Field() @IsString() @Length(2, 100) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200) nameEn?: string;
}

/** The maintained list of co-hosting bodies (多主体). */
@Resolver(() => CoHostBodyType)
export class CoHostsResolver {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Query(() => [CoHostBodyType])
  async coHostBodies(@Args() { includeInactive }: CoHostListArgs): Promise<CoHostBodyType[]> {
    const rows = await this.ds.getRepository(CoHostBodyEntity).find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
    return rows.map(toCoHostBodyType);
  }

  @Allow('coHost.create')
  @Mutation(() => CoHostBodyType, { description: 'Adds a body to the city-wide list (city organizers and admins).' })
  async createCoHostBody(@Args() { name, nameEn }: CreateCoHostArgs): Promise<CoHostBodyType> {
    try {
      const repo = this.ds.getRepository(CoHostBodyEntity);
      return toCoHostBodyType(await repo.save(repo.create({ name: name.trim(), nameEn: nameEn?.trim() ?? null })));
    } catch (error) {
      if (uniqueViolation(error)) throw conflict({ reason: 'CO_HOST_NAME_TAKEN', message: 'This body is already on the list' }, { fields: { name: 'CO_HOST_NAME_TAKEN' } });
      throw error;
    }
  }
}
