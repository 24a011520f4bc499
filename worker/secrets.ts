// Secrets fail closed. Nothing written in the repository is ever accepted as a key: a process that signs task links,
// sessions or the audit ledger either gets real keys from its environment or refuses to start, naming each one that
// is missing. Only `npm start` on a developer machine, with mail caught locally, makes its own: random, kept in the
// data directory (readable by its owner only) and reused on the next start.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SopuConfig } from '../core/config';

export type Secret = 'links' | 'session' | 'audit';

const REQUIRED: Record<Secret, { missing: (c: SopuConfig) => boolean; what: string }> = {
  links: {
    missing: (c) => c.linkKeys.length === 0,
    what: 'SOPU_LINK_KEYS (the keys that sign task links: id:<32+ random characters>, e.g. `openssl rand -base64 33`)',
  },
  session: {
    missing: (c) => !c.web.sessionSecret,
    what: 'SOPU_SESSION_SECRET (signs sign-in sessions: 32+ random characters)',
  },
  audit: {
    missing: (c) => !c.auditKeyPem,
    what: 'SOPU_AUDIT_KEY or SOPU_AUDIT_KEY_FILE (the Ed25519 private key, PEM, that signs the audit ledger)',
  },
};

/** Throws, naming every missing secret, unless the configuration has all that `process` needs. */
export function requireSecrets(config: SopuConfig, needs: Secret[], process: string): void {
  const missing = needs.filter((need) => REQUIRED[need].missing(config)).map((need) => REQUIRED[need].what);
  if (missing.length) {
    throw new Error(
      `${process} refuses to start without real keys. Missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`,
    );
  }
}

function kept<T>(file: string, make: () => T, encode: (value: T) => string, decode: (text: string) => T): T {
  if (existsSync(file)) return decode(readFileSync(file, 'utf8'));
  const value = make();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, encode(value), { mode: 0o600 });
  return value;
}

/** `npm start` without SMTP_URL: whatever the environment does not give is made once in the data directory. */
export function withDevelopmentSecrets(config: SopuConfig): SopuConfig {
  const dir = path.join(config.dataDir, 'keys');
  const random = () => randomBytes(33).toString('base64url');
  const linkKeys = config.linkKeys.length
    ? config.linkKeys
    : kept(path.join(dir, 'link-keys.json'), () => [{ id: 'local', secret: random() }], JSON.stringify, JSON.parse);
  const sessionSecret =
    config.web.sessionSecret ?? kept(path.join(dir, 'session-secret'), random, String, (text) => text.trim());
  const auditKeyPem =
    config.auditKeyPem ??
    kept(
      path.join(dir, 'audit-signing-key.pem'),
      () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      String,
      String,
    );
  return { ...config, linkKeys, auditKeyPem, web: { ...config.web, sessionSecret } };
}

/** The `sopu` command beside a running `npm start`: the audit key that `npm start` made, when the environment gives
 * none, so that `audit verify --live` and `audit fingerprint` use the key the local worker signs with. Nothing is
 * made here: without that file the key stays unset. */
export function withLocalAuditKey(config: SopuConfig): SopuConfig {
  const file = path.join(config.dataDir, 'keys', 'audit-signing-key.pem');
  if (config.auditKeyPem || !existsSync(file)) return config;
  return { ...config, auditKeyPem: readFileSync(file, 'utf8') };
}
