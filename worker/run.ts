// Wires the worker's dependencies from configuration and runs it until the process is told to stop
// (the SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown).
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createSmtpMailer } from '../activities/mail/mailer';
import { connectDb } from '../db/connect';
import { auditSigner } from '../db/ledger';
import { ensureDatabase, migrateToLatest } from '../db/migrate';
import { seedReference } from '../db/reference-store';
import { databaseUrlOf, type SopuConfig } from './config';
import { createSopuWorker } from './create-worker';
import { requireSecrets } from './secrets';
import { prebuiltWorkflowBundle } from './workflow-bundle';

export async function runWorker(
  config: SopuConfig,
  options: { smtpUrl: string; onReady: () => void | Promise<void>; log?: (line: string) => void },
): Promise<void> {
  requireSecrets(config, ['links', 'audit'], 'The worker');
  const databaseUrl = databaseUrlOf(config);
  await ensureDatabase(databaseUrl);
  const db = connectDb(databaseUrl, config.databasePoolSize);
  const mailer = createSmtpMailer({ ...config.smtp, url: options.smtpUrl });
  try {
    if (!config.skipMigrations) {
      await migrateToLatest(db);
      await seedReference(db);
    }
    const connection = await NativeConnection.connect(config.temporal.connect.connectionOptions);
    try {
      const temporal = new Client({
        connection: await Connection.connect(config.temporal.connect.connectionOptions),
        namespace: config.temporal.namespace,
      });
      const deps = {
        db,
        mailer,
        publicUrl: config.publicUrl,
        linkKeys: config.linkKeys,
        clock: config.clock,
        auditSigner: auditSigner(config.auditKeyPem!),
        temporal,
      };
      const worker = await createSopuWorker({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        deps,
        workflowBundle: await prebuiltWorkflowBundle(options.log),
      });
      const running = worker.run();
      await options.onReady();
      await running;
      await temporal.connection.close();
    } finally {
      await connection.close();
    }
  } finally {
    mailer.close();
    await db.destroy();
  }
}
