// Wires the worker's dependencies from configuration and runs it until the process is told to stop
// (the SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown).
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createSmtpMailer } from '../activities/mail/mailer';
import { connectDb } from '../db/connect';
import { ensureDatabase, migrateToLatest } from '../db/migrate';
import { seedReference } from '../db/reference-store';
import type { SopuConfig } from './config';
import { loadAuditSigner } from './audit-key';
import { createSopuWorker } from './create-worker';

export async function runWorker(
  config: SopuConfig,
  options: { smtpUrl: string; onReady: () => void | Promise<void> },
): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  const db = connectDb(config.databaseUrl);
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
        auditSigner: loadAuditSigner(config.auditKeyPem),
        temporal,
      };
      const worker = await createSopuWorker({ connection, namespace: config.temporal.namespace, deps });
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
