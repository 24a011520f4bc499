// Secrets fail closed: no key written in the repository is ever accepted, and each process that would sign something
// refuses to start without real keys, naming what is missing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signTaskToken, verifyTaskToken } from '../../core/domain/task-links';
import { readConfig } from '../../worker/config';
import { requireSecrets, withDevelopmentSecrets } from '../../worker/secrets';

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
  it('has no built-in key: unset means none', () => {
    const config = readConfig({});
    expect([config.linkKeys, config.web.sessionSecret, config.auditKeyPem]).toEqual([[], null, null]);
    expect(() => requireSecrets(config, ['links', 'session', 'audit'], 'The web server')).toThrow(
      /^The web server refuses to start without real keys. Missing:\n {2}- SOPU_LINK_KEYS .*\n {2}- SOPU_SESSION_SECRET .*\n {2}- SOPU_AUDIT_KEY or SOPU_AUDIT_KEY_FILE/,
    );
  });

  it('refuses a link signed with the key the repository used to ship', () => {
    const config = withDevelopmentSecrets(
      readConfig({ SOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sopu-keys-')) }),
    );
    const old = signTaskToken([{ id: 'dev', secret: 'sopu-development-link-key' }], {
      taskId: 't',
      email: 'a@x.fi',
      issuedAt: 1,
    });
    expect(verifyTaskToken(config.linkKeys, old)).toBeNull();
  });

  it('makes random development keys once per data directory, readable by the owner only, and reuses them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sopu-keys-'));
    const first = withDevelopmentSecrets(readConfig({ SOPU_DATA_DIR: dir }));
    const again = withDevelopmentSecrets(readConfig({ SOPU_DATA_DIR: dir }));
    const other = withDevelopmentSecrets(readConfig({ SOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sopu-keys-')) }));
    expect(again.linkKeys).toEqual(first.linkKeys);
    expect(again.web.sessionSecret).toBe(first.web.sessionSecret);
    expect(again.auditKeyPem).toBe(first.auditKeyPem);
    expect(other.linkKeys).not.toEqual(first.linkKeys);
    expect(first.web.sessionSecret!.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, 'keys', 'session-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'keys', 'audit-signing-key.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('keeps keys from the environment as they are', () => {
    const env = { SOPU_LINK_KEYS: `2026a:${'k'.repeat(32)}`, SOPU_SESSION_SECRET: 's'.repeat(32) };
    const config = withDevelopmentSecrets(
      readConfig({ ...env, SOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sopu-keys-')) }),
    );
    expect(config.linkKeys).toEqual([{ id: '2026a', secret: 'k'.repeat(32) }]);
    expect(config.web.sessionSecret).toBe('s'.repeat(32));
  });

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
