import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './entities.js';
import { SafeTypeOrmLogger } from './typeorm-logger.js';

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Pool: a connection attempt gives up after 5 s (the API then answers SERVICE_UNAVAILABLE).
    extra: { max: 20, application_name: 'leye-api', connectionTimeoutMillis: 5000 },
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
