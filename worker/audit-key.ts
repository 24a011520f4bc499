// The key that signs the audit ledger's checkpoints. Production brings its own (SOPU_AUDIT_KEY); a development
// machine gets one made once and kept in .data, so checkpoints stay verifiable across restarts.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditSigner, type AuditSigner } from '../db/ledger';

const DEVELOPMENT_KEY_FILE = path.join('.data', 'audit-signing-key.pem');

export function loadAuditSigner(keyPem: string | null): AuditSigner {
  if (keyPem) return auditSigner(keyPem);
  if (!existsSync(DEVELOPMENT_KEY_FILE)) {
    mkdirSync(path.dirname(DEVELOPMENT_KEY_FILE), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(DEVELOPMENT_KEY_FILE, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return auditSigner(readFileSync(DEVELOPMENT_KEY_FILE, 'utf8'));
}
