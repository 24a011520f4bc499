// Outages that need no person: a worker started while PostgreSQL or Temporal is down waits for it, saying so, and
// starts working once it is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningPostgres } from '../../worker/dev/embedded-postgres';
import { startDevServer, type RunningDevServer } from '../../worker/dev/dev-server';
import { freePort, stopChild, waitFor } from '../../worker/dev/processes';
import { ensureTemporalBinaries } from '../../worker/dev/temporal-binaries';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../../core/contracts/search-attributes';

const root = path.join(__dirname, '..', '..');
let worker: ChildProcess | undefined;
let postgres: RunningPostgres | undefined;
let temporal: RunningDevServer | undefined;
const scratch = mkdtempSync(path.join(tmpdir(), 'sopu-outage-'));
chmodSync(scratch, 0o755);

afterAll(async () => {
  if (worker) await stopChild(worker);
  await postgres?.stop();
  await temporal?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a worker started while PostgreSQL and Temporal are down', () => {
  it('waits for each, says so, and starts once they are there', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const temporalPort = await freePort();
    worker = spawn(process.execPath, ['--import', 'tsx', 'worker/run-worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/sopu_outage`,
        SMTP_URL: 'smtp://127.0.0.1:9',
        SOPU_TASK_QUEUE: `outage-${Date.now()}`,
        SOPU_LINK_KEYS: `outage:${'x'.repeat(40)}`,
        SOPU_AUDIT_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    await waitFor(
      async () => void expect(output).toContain(`PostgreSQL at 127.0.0.1:${port} is not reachable (ECONNREFUSED)`),
      { timeoutMs: 30_000, what: 'the worker to say it waits', abort: exited },
    );
    postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), persistent: false, port });
    await waitFor(async () => void expect(output).toContain(`Temporal at 127.0.0.1:${temporalPort} is not reachable`), {
      timeoutMs: 60_000,
      what: 'the worker to say it waits for Temporal',
      abort: exited,
    });
    temporal = await startDevServer({
      cli: ensureTemporalBinaries().cli,
      port: temporalPort,
      uiPort: null,
      dbFile: null,
      searchAttributes: SEARCH_ATTRIBUTE_DEFINITIONS,
    });
    await waitFor(async () => void expect(output).toContain('Sopu worker polling'), {
      timeoutMs: 60_000,
      what: 'the worker to start',
      abort: exited,
    });
    expect(worker.exitCode).toBeNull();
  });
});
