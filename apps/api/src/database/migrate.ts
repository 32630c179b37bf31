import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { openDatabase } from './embedded-database.js';
import { seedDemoData } from './seed/demo-data.js';
import { seedReferenceData } from './seed/reference-data.js';

/** `npm run migrate`: apply pending migrations, then reference data and (unless SEED_DEMO=false) demo data. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const db = await openDatabase(config);
  const ds = createDataSource(db.url);
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database schema is up to date.');
    await seedReferenceData(ds);
    if (config.seedDemo) {
      await seedDemoData(ds);
      console.log('Demo data for Linyi is in place (SEED_DEMO=false turns it off).');
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
