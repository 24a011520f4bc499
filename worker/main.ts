// `npm start`: the main job for a developer machine. Installs what is missing, starts the Temporal dev server
// (unless TEMPORAL_ADDRESS points elsewhere) and a local mail catcher (unless SMTP_URL is set), migrates the
// database and runs the worker. Ctrl-C stops all of it.
import { readConfig } from './config';
import { startDevServer, type RunningDevServer } from './dev/dev-server';
import { startMailCatcher, type MailCatcher } from './dev/mail-catcher';
import { ensureTemporalBinaries } from './dev/temporal-binaries';
import { runWorker } from './run';

const log = (line: string) => console.log(`[sopu] ${line}`);

async function main(): Promise<void> {
  const config = readConfig();
  let devServer: RunningDevServer | null = null;
  let catcher: MailCatcher | null = null;
  try {
    if (config.temporal.devServer) {
      const { cli } = ensureTemporalBinaries(log);
      log(`Starting the Temporal dev server (state in ${config.temporal.devServer.dbFile})…`);
      devServer = await startDevServer({ cli, ...config.temporal.devServer });
    }
    let smtpUrl = config.smtp.url;
    if (!smtpUrl) {
      catcher = await startMailCatcher({ ...config.devMailCatcher, log });
      smtpUrl = catcher.url;
    }
    const address = config.temporal.connect.connectionOptions.address;
    await runWorker(config, {
      smtpUrl,
      onReady: () => {
        log(`Temporal: ${address} (namespace ${config.temporal.namespace})`);
        if (devServer?.uiUrl) log(`Temporal UI: ${devServer.uiUrl}`);
        log(catcher ? `Mail: SMTP catcher on ${smtpUrl}, messages saved in ${config.devMailCatcher.dir}` : `Mail: ${new URL(smtpUrl).host}`);
        log(`Database: ${new URL(config.databaseUrl).pathname.slice(1)} on ${new URL(config.databaseUrl).host}`);
        log('Worker ready. Start a cycle in another terminal:');
        log(`  ${devServer ? '' : `TEMPORAL_ADDRESS=${address} `}npm run sopu -- cycle start examples/pirkanmaa-term.yaml`);
      },
    });
  } finally {
    await catcher?.close();
    await devServer?.stop();
  }
  log('Stopped.');
}

main().catch((err) => {
  console.error(`[sopu] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
