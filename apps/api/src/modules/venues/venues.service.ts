import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, uniqueViolation } from '../../common/errors/app-error.js';
import type { VenueInput } from './venue.type.js';
import { VenueEntity } from './venue.entity.js';

@Injectable()
export class VenuesService {
  constructor(private readonly ds: DataSource) {}

  list(regionCode?: string): Promise<VenueEntity[]> {
    return this.ds.getRepository(VenueEntity).find({ where: regionCode ? { regionCode } : {}, order: { name: 'ASC' }, take: 500 });
  }

  async create(input: VenueInput): Promise<VenueEntity> {
    try {
      return await this.ds.getRepository(VenueEntity).save(
        this.ds.getRepository(VenueEntity).create({ ...input, name: input.name.trim(), latitude: input.latitude ?? null, longitude: input.longitude ?? null }),
      );
    } catch (error) {
      if (uniqueViolation(error)) throw conflict({ reason: 'VENUE_NAME_TAKEN', message: 'A venue with this name exists' }, { fields: { name: 'VENUE_NAME_TAKEN' } });
      throw error;
    }
  }
}
