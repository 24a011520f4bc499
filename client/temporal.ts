// The one way clients (CLI, web) reach Temporal. A failure to connect names the address it tried and what to check.
import { Client, Connection } from '@temporalio/client';
import type { SopuConfig } from '../core/config';

export async function connectClient(config: SopuConfig): Promise<Client> {
  const { address } = config.temporal.connect.connectionOptions;
  let connection: Connection;
  try {
    connection = await Connection.connect({
      ...config.temporal.connect.connectionOptions,
      connectTimeout: '10 seconds',
    });
  } catch (err) {
    const hint = config.temporal.devServer
      ? 'is `npm start` running? (or set TEMPORAL_ADDRESS)'
      : 'check TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TLS or API key settings';
    throw new Error(`could not reach Temporal at ${address}: ${(err as Error).message}; ${hint}`, { cause: err });
  }
  return new Client({ connection, namespace: config.temporal.namespace });
}
