import pg from 'pg';

export default async function globalTeardown() {
  const admin = new pg.Client({ connectionString: process.env.LEYE_TEST_ADMIN_URL });
  await admin.connect();
  // Only this run's databases (leyetest_<run>_…): other runs may share the server (TEST_DATABASE_URL).
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`, [
    process.env.LEYE_TEST_TEMPLATE,
    `leyetest_${process.env.LEYE_TEST_RUN}_`,
  ]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  await globalThis.__LEYE_PG__?.stop();
}
