// The audit ledger's format: one hash chain per cycle over canonical JSON (RFC 8785), and Ed25519-signed
// checkpoints of its head. docs/audit-format.md describes the same rules for verifiers written elsewhere.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely, type Transaction } from 'kysely';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot, type Frontier } from './merkle';
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
/** A participant's own acts: each is signed at once, so that the receipt (page and mail) carries a tree head that
 * includes it, and the party can later prove the act was in the ledger, where and as it was. */
export const WITNESSED_ACTS = new Set([
  'task.answer',
  'task.no_comments',
  'signoff.approved',
  'signoff.rejected',
  'meeting.registration',
]);
const signsHead = (action: string) => MILESTONES.has(action) || WITNESSED_ACTS.has(action);

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

/** What a checkpoint's key signs. Since tree heads (v2) the Merkle root of lines 1..seq too; v1 checkpoints (no
 * root) were signed before them and still verify as they were. */
export const checkpointMessage = (c: {
  cycleId: string;
  seq: number;
  headHash: string;
  rootHash?: string | null;
  signedAt: string;
}): string =>
  c.rootHash
    ? `sopu-checkpoint-v2\n${c.cycleId}\n${c.seq}\n${c.headHash}\n${c.rootHash}\n${c.signedAt}`
    : `sopu-checkpoint-v1\n${c.cycleId}\n${c.seq}\n${c.headHash}\n${c.signedAt}`;

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(message: string): string;
  /** During a rotation, the outgoing key: it signs each cycle's hand-over to this one. */
  previous?: AuditSigner;
}

export function auditSigner(privateKeyPem: string, previousPem?: string | null): AuditSigner {
  const key = createPrivateKey(privateKeyPem);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64'),
    ...(previousPem ? { previous: auditSigner(previousPem) } : {}),
  };
}

/** The line that hands a cycle's ledger from one signing key to the next, signed by the outgoing key. */
export const KEY_ROTATION_ACTION = 'key.rotated';

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

/** The leaf hashes of the cycle's lines after `from` up to `to`, in order: hashed where they lie, so a reader gets 32
 * bytes a line, not the line. */
export async function leafHashes(
  db: Kysely<Database> | Transaction<Database>,
  cycleId: string,
  to: number,
  from = 0,
): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(sql<string>`encode(sha256(decode('00', 'hex') || convert_to(canonical, 'UTF8')), 'hex')`.as('leaf'))
    .where('cycle_id', '=', cycleId)
    .where('seq', '>', from)
    .where('seq', '<=', to)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.leaf);
}

/** The tree of lines 1..seq, from the frontier the last checkpoint kept and the lines since: a checkpoint costs the
 * lines since the last one, not the whole ledger (it is taken under the cycle's lock). */
async function frontierAt(trx: Transaction<Database>, cycleId: string, seq: number): Promise<Frontier> {
  const last = await trx
    .selectFrom('audit_checkpoints')
    .select(['seq', 'tree_frontier'])
    .where('cycle_id', '=', cycleId)
    .where('tree_frontier', 'is not', null)
    .where('seq', '<=', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const kept: Frontier = last ? { size: last.seq, roots: JSON.parse(last.tree_frontier!) as string[] } : EMPTY_FRONTIER;
  return (await leafHashes(trx, cycleId, seq, kept.size)).reduce(extendFrontier, kept);
}

/** Signs the tree head at `seq` (the chain's head hash and the Merkle root of lines 1..seq) and keeps it. */
async function checkpoint(
  trx: Transaction<Database>,
  cycleId: string,
  head: { seq: number; hash: string; reason: string },
  signer: AuditSigner,
): Promise<void> {
  const signedAt = new Date().toISOString();
  const frontier = await frontierAt(trx, cycleId, head.seq);
  const rootHash = frontierRoot(frontier);
  const signature = signer.sign(checkpointMessage({ cycleId, seq: head.seq, headHash: head.hash, rootHash, signedAt }));
  await trx
    .insertInto('audit_checkpoints')
    .values({
      cycle_id: cycleId,
      seq: head.seq,
      head_hash: head.hash,
      reason: head.reason,
      signed_at: signedAt,
      key_id: signer.keyId,
      public_key: signer.publicKeyPem,
      signature,
      tree_root: rootHash,
      tree_frontier: JSON.stringify(frontier.roots),
    })
    .execute();
}

/** Chains one event after the cycle's head, in the caller's transaction (which holds the cycle's lock). */
async function chain(trx: Transaction<Database>, event: Omit<LedgerEvent, 'seq'> & { eventKey: string }) {
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
  return { seq, hash };
}

/** When the cycle's last checkpoint was signed by the outgoing key of a rotation, a line naming the new key is
 * chained first and signed by the outgoing one: a verifier that trusts the old key learns the new one from it. */
async function handOver(trx: Transaction<Database>, event: Omit<LedgerEvent, 'seq'>, signer: AuditSigner) {
  const last = await trx
    .selectFrom('audit_checkpoints')
    .select('key_id')
    .where('cycle_id', '=', event.cycleId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || last.key_id === signer.keyId || last.key_id !== signer.previous?.keyId) return;
  const head = await chain(trx, {
    ...event,
    eventKey: `${KEY_ROTATION_ACTION}:${signer.keyId}`,
    sourceId: `${KEY_ROTATION_ACTION}:${signer.keyId}`,
    actor: 'system',
    action: KEY_ROTATION_ACTION,
    payload: { fromKeyId: last.key_id, toKeyId: signer.keyId, publicKey: signer.publicKeyPem },
  });
  await checkpoint(trx, event.cycleId, { ...head, reason: KEY_ROTATION_ACTION }, signer.previous);
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
  if (signer && signsHead(event.action)) await handOver(trx, event, signer);
  const head = await chain(trx, event);
  if (signer && signsHead(event.action))
    await checkpoint(trx, event.cycleId, { ...head, reason: event.action }, signer);
}
