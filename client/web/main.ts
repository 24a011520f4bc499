// `npm run web`: the web server alone, against the configured Temporal cluster and database (production).
import { connectDb } from '../../db/connect';
import { databaseUrlOf, readConfig } from '../../worker/config';
import { untilReachable } from '../../worker/readiness';
import { requireSecrets } from '../../worker/secrets';
import { connectClient } from '../temporal';
import { startWeb } from './start-web';

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
