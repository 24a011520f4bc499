// `npm run worker`: the worker alone, against the Temporal cluster, database and mail server in configuration.
// This is how Sopu runs in production; `npm start` (worker/main.ts) adds local services around it.
import { readConfig } from './config';
import { runWorker } from './run';
import { requireSecrets } from './secrets';

const config = readConfig();
if (!config.smtp.url) {
  console.error('SMTP_URL is required, e.g. smtp://user:password@mail.example.fi:587');
  process.exit(1);
}
try {
  requireSecrets(config, ['links', 'audit'], 'The worker');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
runWorker(config, {
  smtpUrl: config.smtp.url,
  onReady: () => console.log(`Sopu worker polling ${config.temporal.connect.connectionOptions.address}`),
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
