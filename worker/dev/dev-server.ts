// Starts the Temporal CLI dev server as a child process and waits until it answers. We start it ourselves rather
// than through the SDK's TestWorkflowEnvironment because the SDK gives an existing binary only 5 s to come up,
// which two busy CI cores do not always manage.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { stopChild, waitFor } from './processes';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Null runs it headless. */
  uiPort: number | null;
  /** Null keeps state in memory only. */
  dbFile: string | null;
  /** Custom search attributes to register, name → type. */
  searchAttributes?: Record<string, string>;
  readyTimeoutMs?: number;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
  /** Ends it as a crash would (SIGKILL): what is in its database file is all that survives. */
  kill(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const address = `127.0.0.1:${options.port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'error'];
  if (options.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1');
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const [name, type] of Object.entries(options.searchAttributes ?? {}))
    args.push('--search-attribute', `${name}=${type}`);

  const child = spawn(options.cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  try {
    await waitFor(
      async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1000 });
        try {
          await connection.workflowService.getSystemInfo({});
        } finally {
          await connection.close();
        }
      },
      { timeoutMs: options.readyTimeoutMs ?? 60_000, what: `Temporal dev server on ${address}`, abort: exited },
    );
  } catch (err) {
    await stopChild(child);
    throw new Error(`${(err as Error).message}\n${stderr.trim()}`, { cause: err });
  }

  return {
    address,
    uiUrl: options.uiPort === null ? null : `http://127.0.0.1:${options.uiPort}`,
    stop: () => stopChild(child),
    kill: () => stopChild(child, 0, 'SIGKILL'),
  };
}
