import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Venues (场馆) where fairs and events take place; events reference them in a later migration. */
export class Venue1764201700000 implements MigrationInterface {
  name = 'Venue1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE venue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        address text NOT NULL,
        region_code varchar(6) NOT NULL REFERENCES region(code),
        capacity integer NOT NULL CHECK (capacity > 0),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT venue_name_key UNIQUE (name),
        CONSTRAINT venue_coordinates_pair CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE venue`);
  }
}
