// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The audit ledger: a hash chain per cycle over canonical JSON (RFC 8785), append-only by trigger and by grant,
// signed checkpoints, and the archive of Temporal histories. Existing events are chained in their order.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely } from 'kysely';

const GENESIS = '0'.repeat(64);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('seq', 'integer')
    .addColumn('source_id', 'text')
    .addColumn('canonical', 'text')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();

  const rows = await db.selectFrom('audit_events').selectAll().orderBy('cycle_id').orderBy('id').execute();
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const row of rows) {
    const head = heads.get(row.cycle_id) ?? { seq: 0, hash: GENESIS };
    const seq = head.seq + 1;
    const event = {
      cycleId: row.cycle_id,
      seq,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      payload: row.payload,
      workflowId: row.workflow_id,
      runId: row.run_id,
      sourceId: row.event_key,
    };
    const canonical = canonicalize(event)!;
    const hash = createHash('sha256')
      .update(head.hash + canonical, 'utf8')
      .digest('hex');
    await db
      .updateTable('audit_events')
      .set({ seq, source_id: row.event_key, canonical, prev_hash: head.hash, hash })
      .where('id', '=', row.id)
      .execute();
    heads.set(row.cycle_id, { seq, hash });
  }
  for (const column of ['seq', 'source_id', 'canonical', 'prev_hash', 'hash']) {
    await db.schema
      .alterTable('audit_events')
      .alterColumn(column, (c) => c.setNotNull())
      .execute();
  }
  await db.schema
    .alterTable('audit_events')
    .addUniqueConstraint('audit_events_seq_unique', ['cycle_id', 'seq'])
    .execute();

  await sql`create function audit_refuse_change() returns trigger language plpgsql as $$
    begin raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege'; end $$`.execute(
    db,
  );
  await sql`create trigger audit_events_append_only before update or delete on audit_events for each row execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_refuse_change()`.execute(
    db,
  );

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoints_pk', ['cycle_id', 'seq'])
    .execute();
  await sql`create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints for each row execute function audit_refuse_change()`.execute(
    db,
  );

  await db.schema
    .createTable('cycle_histories')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('cycle_histories_pk', ['workflow_id', 'run_id'])
    .execute();
  await sql`create trigger cycle_histories_append_only before update or delete on cycle_histories for each row execute function audit_refuse_change()`.execute(
    db,
  );

  // The role the application runs as: everything it needs, and no way to change or remove the record.
  await sql`do $$ begin if not exists (select from pg_roles where rolname = 'sopu_app') then create role sopu_app login; end if; end $$`.execute(
    db,
  );
  await sql`grant usage on schema public to sopu_app`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to sopu_app`.execute(db);
  await sql`revoke update, delete, truncate on audit_events, audit_checkpoints, cycle_histories from sopu_app`.execute(
    db,
  );
  await sql`grant usage, select on all sequences in schema public to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cycle_histories').execute();
  await db.schema.dropTable('audit_checkpoints').execute();
  await sql`drop trigger audit_events_append_only on audit_events`.execute(db);
  await sql`drop trigger audit_events_no_truncate on audit_events`.execute(db);
  await sql`drop function audit_refuse_change()`.execute(db);
  await db.schema.alterTable('audit_events').dropConstraint('audit_events_seq_unique').execute();
  await db.schema
    .alterTable('audit_events')
    .dropColumn('seq')
    .dropColumn('source_id')
    .dropColumn('canonical')
    .dropColumn('prev_hash')
    .dropColumn('hash')
    .execute();
}
