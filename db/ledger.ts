// The audit ledger's format: one hash chain per cycle over canonical JSON (RFC 8785), and Ed25519-signed
// checkpoints of its head. docs/audit-format.md describes the same rules for verifiers written elsewhere.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';

export const GENESIS_HASH = '0'.repeat(64);
/** The last line of a closed cycle's ledger, written once its histories are archived (their SHA-256 in it) and
 * signed: nothing can be added after it, or dropped from the end, without breaking that checkpoint. */
export const CLOSING_ACTION = 'ledger.closed';
/** Actions after which the chain head is signed: every change of phase, whatever caused it, and the closing line. */
export const MILESTONES = new Set([
  'cycle.phase',
  'phase.closed',
  'document.published',
  'meeting.scheduled',
  'meeting.minutes',
  'document.final',
  'cycle.completed',
  'cycle.cancelled',
  CLOSING_ACTION,
]);

export interface LedgerEvent {
  cycleId: string;
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actor: string;
  action: string;
  payload: unknown;
  workflowId: string;
  runId: string;
  /** What the event came from: an Update id, an activity's key, a deterministic event key. */
  sourceId: string;
}

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
export const canonicalJson = (value: unknown): string => canonicalize(value)!;
export const chainHash = (prevHash: string, canonical: string): string => sha256Hex(prevHash + canonical);

export const checkpointMessage = (c: { cycleId: string; seq: number; headHash: string; signedAt: string }): string =>
  `sopu-checkpoint-v1\n${c.cycleId}\n${c.seq}\n${c.headHash}\n${c.signedAt}`;

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(message: string): string;
}

export function auditSigner(privateKeyPem: string): AuditSigner {
  const key = createPrivateKey(privateKeyPem);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64'),
  };
}

export const keyIdOf = (publicKeyPem: string): string =>
  sha256Hex(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })).slice(0, 16);

/** How a county publishes its key: `SHA256:` and the unpadded base64 of the SHA-256 of the key's DER (SPKI) form,
 * as OpenSSH writes fingerprints. */
export const fingerprintOf = (publicKeyPem: string): string =>
  `SHA256:${createHash('sha256')
    .update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }))
    .digest('base64')
    .replace(/=+$/, '')}`;

export function verifyCheckpoint(publicKey: KeyObject | string, message: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(message, 'utf8'),
      typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * Appends one event to its cycle's chain, in the caller's transaction. Writes are serialised per cycle by an
 * advisory lock; an event whose source was recorded already (a retried activity) is not appended again.
 */
export async function appendLedgerEvent(
  trx: Transaction<Database>,
  event: Omit<LedgerEvent, 'seq'> & { eventKey: string },
  signer: AuditSigner | null,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${event.cycleId}`}))`.execute(trx);
  const seen = await trx
    .selectFrom('audit_events')
    .select('id')
    .where('cycle_id', '=', event.cycleId)
    .where('event_key', '=', event.eventKey)
    .executeTakeFirst();
  if (seen) return;
  const head = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('cycle_id', '=', event.cycleId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const { eventKey, ...fields } = event;
  const ledgerEvent: LedgerEvent = { ...fields, at: new Date(event.at).toISOString(), seq };
  const canonical = canonicalJson(ledgerEvent);
  const hash = chainHash(prevHash, canonical);
  await trx
    .insertInto('audit_events')
    .values({
      cycle_id: event.cycleId,
      event_key: eventKey,
      seq,
      at: ledgerEvent.at,
      actor: event.actor,
      action: event.action,
      payload: JSON.stringify(event.payload),
      workflow_id: event.workflowId,
      run_id: event.runId,
      source_id: event.sourceId,
      canonical,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  if (signer && MILESTONES.has(event.action)) {
    const signedAt = new Date().toISOString();
    const signature = signer.sign(checkpointMessage({ cycleId: event.cycleId, seq, headHash: hash, signedAt }));
    await trx
      .insertInto('audit_checkpoints')
      .values({
        cycle_id: event.cycleId,
        seq,
        head_hash: hash,
        reason: event.action,
        signed_at: signedAt,
        key_id: signer.keyId,
        public_key: signer.publicKeyPem,
        signature,
      })
      .execute();
  }
}
