import { Client, Connection } from '@temporalio/client';
import type { SopuConfig } from '../worker/config';

export async function connectClient(config: SopuConfig): Promise<Client> {
  const connection = await Connection.connect(config.temporal.connect.connectionOptions);
  return new Client({ connection, namespace: config.temporal.namespace });
}
