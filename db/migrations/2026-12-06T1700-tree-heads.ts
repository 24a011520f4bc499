// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Checkpoints become signed tree heads: beside the chain's head hash, the Merkle tree root of the ledger's lines up to
// it (RFC 9162), which receipts and mails hand to the parties. Earlier checkpoints keep no root (null).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_checkpoints').addColumn('tree_root', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_checkpoints').dropColumn('tree_root').execute();
}
