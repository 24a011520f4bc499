// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Checkpoints become signed tree heads: beside the chain's head hash, the Merkle tree root of the ledger's lines up to
// it (RFC 9162), which receipts and mails hand to the parties, and the tree's right edge (its frontier, a JSON array
// of hashes), from which the next checkpoint takes its root without reading the whole ledger. Earlier checkpoints
// keep neither (null).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_checkpoints')
    .addColumn('tree_root', 'text')
    .addColumn('tree_frontier', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_checkpoints').dropColumn('tree_root').dropColumn('tree_frontier').execute();
}
