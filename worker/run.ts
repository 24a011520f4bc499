// Wires the worker's dependencies from configuration and runs it until the process is told to stop
// (the SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown).
import { sotkanetClient } from '../activities/thl/sotkanet-client';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createSmtpMailer } from '../activities/mail/mailer';
import { connectDb } from '../db/connect';
import { auditSigner } from '../db/ledger';
import { ensureDatabase, migrateToLatest } from '../db/migrate';
import { seedReference } from '../db/reference-store';
import type { SopuConfig } from '../core/config';
import { databaseUrlOf } from './config';
import { createSopuWorker } from './create-worker';
import { requireSecrets } from './secrets';
import { readinessProblems, startHealthServer, untilReachable } from '../client/readiness';
import { prebuiltWorkflowBundle } from './workflow-bundle';

export async function runWorker(
  config: SopuConfig,
  options: { smtpUrl: string; onReady: () => void | Promise<void>; log?: (line: string) => void },
): Promise<void> {
  requireSecrets(config, ['links', 'audit'], 'The worker');
  const databaseUrl = databaseUrlOf(config);
  const log = options.log ?? ((line: string) => console.log(line));
  await untilReachable(() => ensureDatabase(databaseUrl), `PostgreSQL at ${new URL(databaseUrl).host}`, log);
  const temporalAt = `Temporal at ${config.temporal.connect.connectionOptions.address}`;
  const db = connectDb(databaseUrl, config.databasePoolSize);
  const mailer = createSmtpMailer({ ...config.smtp, url: options.smtpUrl });
  try {
    if (!config.skipMigrations) {
      await migrateToLatest(db);
      await seedReference(db);
    }
    const connection = await untilReachable(
      () => NativeConnection.connect(config.temporal.connect.connectionOptions),
      temporalAt,
      log,
    );
    try {
      const temporal = new Client({
        connection: await untilReachable(
          () => Connection.connect(config.temporal.connect.connectionOptions),
          temporalAt,
          log,
        ),
        namespace: config.temporal.namespace,
      });
      const deps = {
        db,
        mailer,
        publicUrl: config.publicUrl,
        operatorEmail: config.operatorEmail,
        linkKeys: config.linkKeys,
        clock: config.clock,
        auditSigner: auditSigner(config.auditKeyPem!, config.auditPreviousKeyPem),
        temporal,
        thl: config.thlUrl ? sotkanetClient(config.thlUrl) : null,
      };
      const worker = await createSopuWorker({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        deps,
        workflowBundle: await prebuiltWorkflowBundle(options.log),
      });
      const running = worker.run();
      // Not ready while the worker is not running, or while PostgreSQL or Temporal does not answer.
      const health = config.workerHealthPort
        ? await startHealthServer(
            config.workerHealthPort,
            async () => [
              ...(worker.getState() === 'RUNNING' ? [] : [`worker: ${worker.getState()}`]),
              ...(await readinessProblems(db, temporal)),
            ],
            log,
          )
        : null;
      await options.onReady();
      try {
        await running;
      } finally {
        health?.close();
      }
      await temporal.connection.close();
    } finally {
      await connection.close();
    }
  } finally {
    mailer.close();
    await db.destroy();
  }
}
