// `npm start`: the main job for a developer machine. Installs what is missing, starts the Temporal dev server
// (unless TEMPORAL_ADDRESS points elsewhere) and a local mail catcher (unless SMTP_URL is set), migrates the
// database and runs the worker. Ctrl-C stops all of it.
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { hashPassword } from '../client/web/accounts';
import { startWeb } from '../client/web/start-web';
import { connectClient } from '../client/temporal';
import { connectDb } from '../db/connect';
import { readConfig, type SopuConfig } from './config';
import { startDevServer, type RunningDevServer } from './dev/dev-server';
import { startMailCatcher, type MailCatcher } from './dev/mail-catcher';
import { ensureTemporalBinaries } from './dev/temporal-binaries';
import { runWorker } from './run';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../workflows/search-attributes';

const log = (line: string) => console.log(`[sopu] ${line}`);

/** Without SOPU_USERS, a developer gets one secretariat and one auditor account with fresh passwords. */
function developmentAccounts(config: SopuConfig): { config: SopuConfig; lines: string[] } {
  if (config.web.users) return { config, lines: [] };
  const accounts = ['secretariat', 'auditor'].map((role) => ({
    email: `${role}@localhost`,
    role,
    password: randomBytes(9).toString('base64url'),
  }));
  const users = accounts.map((a) => `${a.email}:${a.role}:${hashPassword(a.password)}`).join(' ');
  return {
    config: { ...config, web: { ...config.web, users } },
    lines: accounts.map((a) => `  ${a.email} / ${a.password}`),
  };
}

async function main(): Promise<void> {
  const { config, lines: accountLines } = developmentAccounts(readConfig());
  let devServer: RunningDevServer | null = null;
  let catcher: MailCatcher | null = null;
  const web: { server?: Awaited<ReturnType<typeof startWeb>>; client?: Client } = {};
  const webDb = connectDb(config.databaseUrl, 5);
  try {
    if (config.temporal.devServer) {
      const { cli } = ensureTemporalBinaries(log);
      log(`Starting the Temporal dev server (state in ${config.temporal.devServer.dbFile})…`);
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
    const address = config.temporal.connect.connectionOptions.address;
    await runWorker(config, {
      smtpUrl,
      onReady: async () => {
        web.client = await connectClient(config);
        web.server = await startWeb(config, web.client, webDb);
        log(`Temporal: ${address} (namespace ${config.temporal.namespace})`);
        if (devServer?.uiUrl) log(`Temporal UI: ${devServer.uiUrl}`);
        log(
          catcher
            ? `Mail: SMTP catcher on ${smtpUrl}, messages saved in ${config.devMailCatcher.dir}`
            : `Mail: ${new URL(smtpUrl).host}`,
        );
        log(`Database: ${new URL(config.databaseUrl).pathname.slice(1)} on ${new URL(config.databaseUrl).host}`);
        log(`Web: ${web.server.url}${accountLines.length ? ' — development sign-in:' : ''}`);
        accountLines.forEach((line) => log(line));
        log('Worker ready. Start a cycle in another terminal:');
        log(
          `  ${devServer ? '' : `TEMPORAL_ADDRESS=${address} `}npm run sopu -- cycle start examples/pirkanmaa-term.yaml`,
        );
      },
    });
  } finally {
    await web.server?.close();
    await web.client?.connection.close();
    await webDb.destroy();
    await catcher?.close();
    await devServer?.stop();
  }
  log('Stopped.');
}

main().catch((err) => {
  console.error(`[sopu] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
