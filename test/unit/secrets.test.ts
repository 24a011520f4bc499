// Secrets fail closed: no key written in the repository is ever accepted (the processes that refuse to start without
// real keys are run in test/smoke/secrets-refusal.test.ts).
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signTaskToken, verifyTaskToken } from '../../core/domain/task-links';
import { readConfig } from '../../worker/config';
import { requireSecrets, withDevelopmentSecrets } from '../../worker/secrets';

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
});
