// Rotating the audit key: with the outgoing key configured beside the new one, the next milestone of each cycle is
// preceded by a `key.rotated` line signed by the outgoing key. A verifier that trusts only the county's old key then
// trusts the new one from that line on; a rotation signed by any other key passes nothing on.
import { leafHash } from '../../db/merkle';
import { generateKeyPairSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkCheckpoints, type Checkpoint } from '../../client/audit/checkpoints';
import { connectDb } from '../../db/connect';
import {
  appendLedgerEvent,
  auditSigner,
  canonicalJson,
  chainHash,
  checkpointMessage,
  type AuditSigner,
  type LedgerEvent,
} from '../../db/ledger';
import type { Database } from '../../db/schema';
import { insertBareCycle } from '../support/cycle-rows';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const [oldPem, newPem] = [pem(), pem()];
const oldKey = auditSigner(oldPem);
const cycleId = `rotation-${Date.now()}`;
let db: Kysely<Database>;

const append = (action: string, signer: AuditSigner) =>
  db.transaction().execute((trx) =>
    appendLedgerEvent(
      trx,
      {
        cycleId,
        eventKey: `${action}:${Math.random()}`,
        at: new Date().toISOString(),
        actor: 'system',
        action,
        payload: {},
        workflowId: `cycle/${cycleId}`,
        runId: 'r',
        sourceId: action,
      },
      signer,
    ),
  );

async function record() {
  const rows = await db.selectFrom('audit_events').selectAll().where('cycle_id', '=', cycleId).orderBy('seq').execute();
  const checkpoints = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('seq')
    .execute();
  return {
    chain: rows.map((r) => ({
      event: JSON.parse(r.canonical) as LedgerEvent,
      hash: r.hash,
      leaf: leafHash(r.canonical),
    })),
    checkpoints: checkpoints.map((c): Checkpoint => ({
      cycleId: c.cycle_id,
      seq: c.seq,
      headHash: c.head_hash,
      rootHash: c.tree_root ?? undefined,
      signedAt: c.signed_at.toISOString(),
      keyId: c.key_id,
      signature: c.signature,
    })),
    keys: [...new Set(checkpoints.map((c) => c.public_key))],
  };
}

beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), 1);
  await insertBareCycle(db, cycleId);
  await append('cycle.started', oldKey);
  await append('cycle.phase', oldKey);
  // The worker restarts with SOPU_AUDIT_KEY=new and SOPU_AUDIT_PREVIOUS_KEY=old.
  await append('task.open', auditSigner(newPem, oldPem));
  await append('document.published', auditSigner(newPem, oldPem));
  await append('cycle.phase', auditSigner(newPem, oldPem));
});

afterAll(async () => {
  await db?.destroy();
});

describe('a key rotation', () => {
  it('is handed over in the ledger, signed by the outgoing key, before the first checkpoint of the new one', async () => {
    const { chain, checkpoints } = await record();
    expect(chain.map((c) => c.event.action)).toEqual([
      'cycle.started',
      'cycle.phase',
      'task.open',
      'key.rotated',
      'document.published',
      'cycle.phase',
    ]);
    const newKey = auditSigner(newPem);
    expect(checkpoints.map((c) => [c.seq, c.keyId])).toEqual([
      [2, oldKey.keyId],
      [4, oldKey.keyId],
      [5, newKey.keyId],
      [6, newKey.keyId],
    ]);
    expect(chain[3]!.event.payload).toEqual({
      fromKeyId: oldKey.keyId,
      toKeyId: newKey.keyId,
      publicKey: newKey.publicKeyPem,
    });
  });

  it("verifies for someone who trusts only the county's old key", async () => {
    const { chain, checkpoints, keys } = await record();
    const result = checkCheckpoints(chain, checkpoints, keys, { keys: [oldKey.publicKeyPem], fingerprints: [] });
    expect(result.problems).toEqual([]);
    expect([...result.signedSeqs]).toEqual([2, 4, 5, 6]);
  });

  it('passes nothing on when the hand-over is signed by a key that is not trusted', async () => {
    const { chain, checkpoints, keys } = await record();
    const forger = auditSigner(pem());
    const forged = {
      cycleId,
      seq: 7,
      at: new Date().toISOString(),
      actor: 'system',
      action: 'key.rotated',
      payload: { fromKeyId: forger.keyId, toKeyId: forger.keyId, publicKey: forger.publicKeyPem },
      workflowId: `cycle/${cycleId}`,
      runId: 'r',
      sourceId: 'x',
    };
    const hash = chainHash(chain.at(-1)!.hash, canonicalJson(forged));
    const signedAt = new Date().toISOString();
    const forgedCheckpoint = {
      cycleId,
      seq: 7,
      headHash: hash,
      signedAt,
      keyId: forger.keyId,
      signature: forger.sign(checkpointMessage({ cycleId, seq: 7, headHash: hash, signedAt })),
    };
    const result = checkCheckpoints(
      [...chain, { event: forged, hash, leaf: leafHash(canonicalJson(forged)) }],
      [...checkpoints, forgedCheckpoint],
      [...keys, forger.publicKeyPem],
      { keys: [oldKey.publicKeyPem], fingerprints: [] },
    );
    expect(result.problems).toEqual([
      `checkpoints.json seq 7: signed with key ${forger.keyId}, which is not a trusted key`,
    ]);
  });
});
