// `npm run web`: the web server alone, against the configured Temporal cluster and database (production).
import { untilReachable } from '../client/readiness';
import { connectClient } from '../client/temporal';
import { startWeb } from '../client/web/start-web';
import { connectDb } from '../db/connect';
import { databaseUrlOf, readConfig } from './config';
import { requireSecrets } from './secrets';

async function main(): Promise<void> {
  const config = readConfig();
  requireSecrets(config, ['links', 'session'], 'The web server');
  const client = await untilReachable(
    () => connectClient(config),
    `Temporal at ${config.temporal.connect.connectionOptions.address}`,
    (line) => console.log(line),
  );
  const db = connectDb(databaseUrlOf(config), config.databasePoolSize);
  const web = await startWeb(config, client, db, process.env.SOPU_WEB_HOST ?? '127.0.0.1');
  console.log(`Sopu web on ${web.url}`);
  const stop = async () => {
    await web.close();
    await db.destroy();
    await client.connection.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
