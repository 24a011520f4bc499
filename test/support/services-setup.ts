// Once per test run, for the tiers that need services (integration, e2e, smoke): a running PostgreSQL with a fresh
// database, and a Temporal dev server on a free port. Test files receive the addresses through `inject`.
import { execSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { connectDb } from '../../db/connect';
import { ensureDatabase, migrateToLatest } from '../../db/migrate';
import { seedReference } from '../../db/reference-store';
import { startDevServer } from '../../worker/dev/dev-server';
import { freePort, waitFor } from '../../worker/dev/processes';
import { ensureTemporalBinaries } from '../../worker/dev/temporal-binaries';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../../workflows/search-attributes';
import { once } from './once';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function canConnect(): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.end();
}

/** Starts the machine's PostgreSQL cluster when nothing answers. */
async function ensurePostgres(): Promise<void> {
  try {
    await canConnect();
    return;
  } catch {
    console.log('PostgreSQL is not answering; starting the local cluster…');
  }
  execSync('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  await waitFor(canConnect, { timeoutMs: 30_000, what: 'PostgreSQL' });
}

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
  }
}

const services = once('services', async () => {
  const bins = ensureTemporalBinaries((line) => console.log(line));
  await ensurePostgres();

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
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${pg.escapeIdentifier(url.pathname.slice(1))} with (force)`);
      await admin.end();
    },
  };
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { value, release } = await services.acquire();
  project.provide('temporalAddress', value.temporalAddress);
  project.provide('databaseUrl', value.databaseUrl);
  return release;
}
