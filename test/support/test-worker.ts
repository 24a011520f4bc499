// A Sopu worker for one test file, on its own task queue, against the run's dev server and database.
import { sotkanetClient } from '../../activities/thl/sotkanet-client';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { auditSigner } from '../../db/ledger';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createSmtpMailer } from '../../activities/mail/mailer';
import { connectDb } from '../../db/connect';
import type { Database } from '../../db/schema';
import { createSopuWorker } from '../../worker/create-worker';
import { sharedBundle } from './bundle';

/** One signing key for the whole test process: exports name its public key. */
export const TEST_AUDIT_SIGNER = auditSigner(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);

/** Told of scheduled negotiations that cannot start when no secretariat is known. */
export const OPERATOR_EMAIL = 'operator@sopu.test';

export const TEST_LINK_KEYS = [{ id: 'test', secret: 'test-link-key-that-is-long-enough-0123' }];

export interface TestWorker {
  client: Client;
  db: Kysely<Database>;
  taskQueue: string;
  bundle: WorkflowBundle;
  close(): Promise<void>;
}

/** `daySeconds`: how many real seconds a nominal day lasts (the accelerated clock); real time when omitted. */
export async function startTestWorker(options: {
  smtpUrl: string;
  bundle?: WorkflowBundle;
  daySeconds?: number;
  /** A queue of the test's own choosing, e.g. to start a second worker where a first one stopped. */
  taskQueue?: string;
  /** THL's indicator bank: a loopback server of recorded responses (test/support/thl-recorded.ts). */
  thlUrl?: string;
}): Promise<TestWorker> {
  const address = inject('temporalAddress');
  const bundle = options.bundle ?? sharedBundle();
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  // The worker runs as the application role: everything it needs, and no right to change the audit record.
  const appUrl = new URL(inject('databaseUrl'));
  appUrl.username = 'sopu_app';
  const db = connectDb(appUrl.toString(), 5);
  const client = new Client({ connection: clientConnection });
  const mailer = createSmtpMailer({ url: options.smtpUrl, from: 'Sopu <sopu@test.example>' });
  const worker = await createSopuWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: bundle,
    deps: {
      db,
      mailer,
      publicUrl: 'http://sopu.test',
      operatorEmail: OPERATOR_EMAIL,
      linkKeys: TEST_LINK_KEYS,
      auditSigner: TEST_AUDIT_SIGNER,
      temporal: client,
      clock: { speed: options.daySeconds ? 86_400 / options.daySeconds : 1 },
      thl: options.thlUrl ? sotkanetClient(options.thlUrl, 5_000) : null,
    },
  });
  const running = worker.run();
  return {
    client,
    db,
    taskQueue,
    bundle,
    async close() {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await clientConnection.close();
      mailer.close();
      await db.destroy();
    },
  };
}
