// Each process that would sign something refuses to start without real keys, naming what is missing: run as
// processes, so this is a smoke test, not a unit test.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);

/** Runs an entry point with only the given settings; resolves with its exit code and what it printed. */
async function start(entry: string, env: Record<string, string>, args: string[] = []) {
  const child = run(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env },
    timeout: 30_000,
  });
  return child.then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, output: err.stdout + err.stderr }),
  );
}

describe('secrets', () => {
  it('stops the worker, the web server and a mailing npm start without real keys, naming each missing one', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'sopu-keys-'));
    const worker = await start('worker/run-worker.ts', { SMTP_URL: 'smtp://127.0.0.1:9', SOPU_DATA_DIR: data });
    expect(worker.code).toBe(1);
    expect(worker.output).toContain('The worker refuses to start without real keys');
    expect(worker.output).toContain('- SOPU_LINK_KEYS');
    expect(worker.output).toContain('- SOPU_AUDIT_KEY or SOPU_AUDIT_KEY_FILE');
    const web = await start('worker/run-web.ts', { SOPU_LINK_KEYS: `a:${'k'.repeat(32)}`, SOPU_DATA_DIR: data });
    expect(web.code).toBe(1);
    expect(web.output).toContain(
      'The web server refuses to start without real keys. Missing:\n  - SOPU_SESSION_SECRET',
    );
    const mailing = await start('worker/main.ts', { SMTP_URL: 'smtp://127.0.0.1:9', SOPU_DATA_DIR: data });
    expect(mailing.code).toBe(1);
    expect(mailing.output).toContain('`npm start` with SMTP_URL refuses to start without real keys');
  });
});
