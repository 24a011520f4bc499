// The key that signs the audit ledger's checkpoints. Production brings its own (SOPU_AUDIT_KEY); a development
// machine gets one made once and kept in .data, so checkpoints stay verifiable across restarts.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditSigner, type AuditSigner } from '../db/ledger';

export function loadAuditSigner(keyPem: string | null, dataDir: string): AuditSigner {
  if (keyPem) return auditSigner(keyPem);
  const keyFile = path.join(dataDir, 'audit-signing-key.pem');
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return auditSigner(readFileSync(keyFile, 'utf8'));
}
