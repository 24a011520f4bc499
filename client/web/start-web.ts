// Runs the web server against a Temporal client and the database until closed.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SopuConfig } from '../../core/config';
import { buildWebServer } from './server';
import { auditSigner } from '../../db/ledger';

export async function startWeb(
  config: Pick<SopuConfig, 'linkKeys' | 'web' | 'temporal' | 'publicUrl'> &
    Partial<Pick<SopuConfig, 'auditKeyPem'>> & { answerWaitMs?: number },
  client: Client,
  db: Kysely<Database>,
  host = '127.0.0.1',
) {
  const app = await buildWebServer({
    client,
    db,
    config,
    taskQueue: config.temporal.taskQueue,
    answerWaitMs: config.answerWaitMs,
    auditPublicKeyPem: config.auditKeyPem ? auditSigner(config.auditKeyPem).publicKeyPem : null,
  });
  await app.listen({ port: config.web.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.web.port;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}
