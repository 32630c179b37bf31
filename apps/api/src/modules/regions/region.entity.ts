import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@leye/domain';

/** 行政区划 / 管委会: Linyi city and the districts, counties and zones under it. */
@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 6, nullable: true })
  parentCode: string | null;
}
