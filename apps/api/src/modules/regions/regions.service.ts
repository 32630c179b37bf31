import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegionEntity } from './region.entity.js';

@Injectable()
export class RegionsService {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<RegionEntity[]> {
    return this.ds.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  async exists(code: string): Promise<boolean> {
    return this.ds.getRepository(RegionEntity).existsBy({ code });
  }
}
