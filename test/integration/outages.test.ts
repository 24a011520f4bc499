// Outages that need no person: a worker started while PostgreSQL is down waits for it, saying so, and starts working
// once it is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { startEmbeddedPostgres, type RunningPostgres } from '../../worker/dev/embedded-postgres';
import { freePort, stopChild, waitFor } from '../../worker/dev/processes';

const root = path.join(__dirname, '..', '..');
let worker: ChildProcess | undefined;
let postgres: RunningPostgres | undefined;
const scratch = mkdtempSync(path.join(tmpdir(), 'sopu-outage-'));
chmodSync(scratch, 0o755);

afterAll(async () => {
  if (worker) await stopChild(worker);
  await postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a worker started while PostgreSQL is down', () => {
  it('waits, says so, and starts once PostgreSQL is there', { timeout: 120_000 }, async () => {
    const port = await freePort();
    worker = spawn(process.execPath, ['--import', 'tsx', 'worker/run-worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: inject('temporalAddress'),
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
    await waitFor(async () => void expect(output).toContain('Sopu worker polling'), {
      timeoutMs: 60_000,
      what: 'the worker to start',
      abort: exited,
    });
    expect(worker.exitCode).toBeNull();
  });
});
