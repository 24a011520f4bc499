// Once per test run, for the tiers that need services (integration, e2e): a fresh database and a Temporal dev server
// on a free port. The database is made on the server DATABASE_URL names, or, without it, on an embedded PostgreSQL
// in a temporary directory (nothing needs to be installed). Test files receive the addresses through `inject`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { connectDb } from '../../db/connect';
import { ensureDatabase, migrateToLatest } from '../../db/migrate';
import { seedReference } from '../../db/reference-store';
import { startDevServer } from '../../worker/dev/dev-server';
import { startEmbeddedPostgres } from '../../worker/dev/embedded-postgres';
import { freePort } from '../../worker/dev/processes';
import { ensureTemporalBinaries } from '../../worker/dev/temporal-binaries';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../../core/contracts/search-attributes';
import { once } from './once';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
  }
}

const services = once('services', async () => {
  const bins = ensureTemporalBinaries((line) => console.log(line));
  const scratch = mkdtempSync(path.join(tmpdir(), 'sopu-test-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory in here.
  chmodSync(scratch, 0o755);
  const postgres = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), persistent: false });
  const serverUrl = postgres?.serverUrl ?? process.env.DATABASE_URL!;
  const url = new URL(serverUrl);
  url.pathname = `/sopu_test_${Date.now()}_${process.pid}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const db = connectDb(databaseUrl, 1);
  await migrateToLatest(db);
  await seedReference(db);
  await db.destroy();

  const server = await startDevServer({
    cli: bins.cli,
    port: await freePort(),
    uiPort: null,
    dbFile: null,
    searchAttributes: SEARCH_ATTRIBUTE_DEFINITIONS,
  });
  return {
    temporalAddress: server.address,
    databaseUrl,
    async stop() {
      await server.stop();
      if (postgres) await postgres.stop();
      else {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${pg.escapeIdentifier(url.pathname.slice(1))} with (force)`);
        await admin.end();
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { value, release } = await services.acquire();
  project.provide('temporalAddress', value.temporalAddress);
  project.provide('databaseUrl', value.databaseUrl);
  return release;
}
