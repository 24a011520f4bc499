// What a party keeps of a cycle's record: the latest signed tree head, and for its own act the ledger line and its
// inclusion proof. Every mail of a cycle carries one (sopu-witness.json), and so does a receipt page; `sopu audit
// verify --witness` later proves that an exported ledger extends every head the parties kept. The format is in
// docs/audit-format.md ("Witnesses").
import { sql, type Kysely } from 'kysely';
import { leafHashes, WITNESSED_ACTS, type LedgerEvent } from './ledger';
import { inclusionProof, leafHash } from './merkle';
import type { Database } from './schema';

export const WITNESS_FORMAT = 'sopu-witness-v1';
export const WITNESS_FILE_NAME = 'sopu-witness.json';

/** A signed tree head: the first `seq` lines of the cycle's ledger, their chain head and Merkle root, signed. */
export interface TreeHead {
  cycleId: string;
  seq: number;
  headHash: string;
  rootHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface Witness {
  format: typeof WITNESS_FORMAT;
  cycleId: string;
  treeHead: TreeHead;
  /** The recipient's own act: its line as chained, its leaf hash, and its audit path in the tree of `treeHead`. */
  act?: { seq: number; event: LedgerEvent; leafHash: string; inclusionProof: string[] };
}

/** The cycle's latest signed tree head and, when `updateId` names an act of a participant, that act proved in it.
 * Null while the cycle has no tree head (no signing key, or a cycle from before tree heads). */
export async function witnessOf(db: Kysely<Database>, cycleId: string, updateId?: string): Promise<Witness | null> {
  const head = await db
    .selectFrom('audit_checkpoints')
    .select(['seq', 'head_hash', 'tree_root', 'signed_at', 'key_id', 'signature'])
    .where('cycle_id', '=', cycleId)
    .where('tree_root', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return null;
  const treeHead: TreeHead = {
    cycleId,
    seq: head.seq,
    headHash: head.head_hash,
    rootHash: head.tree_root!,
    signedAt: head.signed_at.toISOString(),
    keyId: head.key_id,
    signature: head.signature,
  };
  const line = updateId
    ? await db
        .selectFrom('audit_events')
        .select(['seq', 'canonical'])
        .where('cycle_id', '=', cycleId)
        .where('action', 'in', [...WITNESSED_ACTS])
        .where(sql<string>`payload->>'updateId'`, '=', updateId)
        .where('seq', '<=', head.seq)
        .executeTakeFirst()
    : undefined;
  const witness: Witness = { format: WITNESS_FORMAT, cycleId, treeHead };
  if (!line) return witness;
  return {
    ...witness,
    act: {
      seq: line.seq,
      event: JSON.parse(line.canonical) as LedgerEvent,
      leafHash: leafHash(line.canonical),
      inclusionProof: inclusionProof(line.seq - 1, await leafHashes(db, cycleId, head.seq)),
    },
  };
}
