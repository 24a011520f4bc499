// `npm start`: the main job for a developer machine. Starts what is not configured — PostgreSQL (embedded, unless
// DATABASE_URL is set), the Temporal dev server (unless TEMPORAL_ADDRESS points elsewhere), a local mail catcher
// (unless SMTP_URL is set) — then the worker and the web server. Ctrl-C stops all of it.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { hashPassword } from '../client/web/accounts';
import { startWeb } from '../client/web/start-web';
import { connectClient } from '../client/temporal';
import type { Kysely } from 'kysely';
import { connectDb } from '../db/connect';
import type { Database } from '../db/schema';
import { saveStaffAccount, staffAccounts } from '../db/staff-accounts';
import type { SopuConfig } from '../core/config';
import { DEFAULT_DATA_DIR, embeddedDatabaseUrlFile, readConfig } from './config';
import { startDevServer, type RunningDevServer } from './dev/dev-server';
import { startEmbeddedPostgres, type RunningPostgres } from './dev/embedded-postgres';
import { startMailCatcher, type MailCatcher } from './dev/mail-catcher';
import { ensureTemporalBinaries } from './dev/temporal-binaries';
import { runWorker } from './run';
import { requireSecrets, withDevelopmentSecrets } from './secrets';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../core/contracts/search-attributes';

const log = (line: string) => console.log(`[sopu] ${line}`);
const started = Date.now();
// A person watching the terminal needs the addresses and problems, not every worker state change.
Runtime.install({ logger: new DefaultLogger('WARN') });

/** A machine with no staff account of its own yet gets one secretariat member and one auditor, with fresh passwords
 * each start (printed); once `npx sopu user add` has made a real account, these are no longer made. */
async function developmentAccounts(db: Kysely<Database>): Promise<string[]> {
  if ((await staffAccounts(db)).some((a) => a.source !== DEVELOPMENT)) return [];
  const lines: string[] = [];
  for (const role of ['secretariat', 'auditor'] as const) {
    const email = `${role}@localhost`;
    const password = randomBytes(9).toString('base64url');
    await saveStaffAccount(db, {
      email,
      role,
      counties: null,
      passwordHash: hashPassword(password),
      source: DEVELOPMENT,
    });
    lines.push(`  ${email} / ${password}`);
  }
  return lines;
}
const DEVELOPMENT = 'development';

/** The command a person types next, with the settings another terminal does not have. */
function nextCommand(config: SopuConfig): string {
  const address = config.temporal.connect.connectionOptions.address;
  const env = [
    ...(address === '127.0.0.1:7233' ? [] : [`TEMPORAL_ADDRESS=${address}`]),
    ...(config.dataDir === DEFAULT_DATA_DIR ? [] : [`SOPU_DATA_DIR=${config.dataDir}`]),
  ];
  return `${[...env, 'npx sopu cycle start examples/pirkanmaa-term.yaml'].join(' ')}`;
}

async function main(): Promise<void> {
  const configured = readConfig();
  // Mail to real people is signed with real keys only; a machine whose mail is caught locally gets its own.
  if (configured.smtp.url) requireSecrets(configured, ['links', 'session', 'audit'], '`npm start` with SMTP_URL');
  let config = withDevelopmentSecrets(configured);
  let postgres: RunningPostgres | null = null;
  let devServer: RunningDevServer | null = null;
  let catcher: MailCatcher | null = null;
  const web: { server?: Awaited<ReturnType<typeof startWeb>>; client?: Client } = {};
  const urlFile = embeddedDatabaseUrlFile(config);
  try {
    if (!config.databaseUrl) {
      postgres = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), persistent: true, log });
      const url = new URL(postgres.serverUrl);
      url.pathname = '/sopu';
      config = { ...config, databaseUrl: url.toString() };
      // Commands started in another terminal (`npx sopu …`) find the database here.
      writeFileSync(urlFile, `${config.databaseUrl}\n`, { mode: 0o600 });
    }
    const databaseUrl = config.databaseUrl!;
    if (config.temporal.devServer) {
      const { cli } = ensureTemporalBinaries(log);
      devServer = await startDevServer({
        cli,
        ...config.temporal.devServer,
        searchAttributes: SEARCH_ATTRIBUTE_DEFINITIONS,
      });
    }
    let smtpUrl = config.smtp.url;
    if (!smtpUrl) {
      catcher = await startMailCatcher({ ...config.devMailCatcher, log });
      smtpUrl = catcher.url;
    }
    const webDb = connectDb(databaseUrl, 5);
    try {
      await runWorker(config, {
        smtpUrl,
        log,
        onReady: async () => {
          web.client = await connectClient(config);
          const accountLines = await developmentAccounts(webDb);
          web.server = await startWeb(config, web.client, webDb);
          const db = new URL(databaseUrl);
          log(
            `Temporal: ${config.temporal.connect.connectionOptions.address} (namespace ${config.temporal.namespace})`,
          );
          if (devServer?.uiUrl) log(`Temporal UI: ${devServer.uiUrl}`);
          log(catcher ? `Mail: caught, saved in ${config.devMailCatcher.dir}` : `Mail: ${new URL(smtpUrl).host}`);
          log(
            `Database: ${db.pathname.slice(1)} on ${db.host}${postgres ? ` (embedded, data in ${config.dataDir})` : ''}`,
          );
          log(`Web: ${web.server.url}${accountLines.length ? ' — development sign-in:' : ''}`);
          accountLines.forEach((line) => log(line));
          log(`Worker ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Start a cycle in another terminal:`);
          log(`  ${nextCommand(config)}`);
        },
      });
    } finally {
      await webDb.destroy();
    }
  } finally {
    await web.server?.close();
    await web.client?.connection.close();
    await catcher?.close();
    await devServer?.stop();
    if (postgres) {
      rmSync(urlFile, { force: true });
      await postgres.stop();
    }
  }
  log('Stopped.');
}

main().catch((err) => {
  console.error(`[sopu] ${(err as Error).message ?? err}`);
  process.exit(1);
});
