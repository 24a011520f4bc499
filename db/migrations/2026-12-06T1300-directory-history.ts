// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The party directory kept by people on the web: who changed an entry and when, every change kept (added, changed,
// removed, imported; never updated or deleted), and the counterpart pairs (vastinparit) of each municipality per
// cooperation area: the municipality's person and the county's.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('directory_entries')
    .addColumn('changed_by', 'text', (c) => c.notNull().defaultTo('import'))
    .execute();
  await db.schema
    .createTable('directory_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('party_code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('added', 'changed', 'removed', 'imported', 'pair-set', 'pair-removed')`),
    )
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('directory_changes_party')
    .on('directory_changes')
    .columns(['party_code', 'at'])
    .execute();
  await db.schema
    .createTable('directory_counterparts')
    .addColumn('party_code', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('municipality_name', 'text', (c) => c.notNull())
    .addColumn('municipality_email', 'text', (c) => c.notNull())
    .addColumn('county_name', 'text', (c) => c.notNull())
    .addColumn('county_email', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('directory_counterparts_pk', ['party_code', 'area'])
    .execute();
  await sql`grant select, insert, update, delete on directory_counterparts to sopu_app`.execute(db);
  await sql`grant select, insert on directory_changes to sopu_app`.execute(db);
  await sql`grant usage, select on sequence directory_changes_id_seq to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('directory_counterparts').execute();
  await db.schema.dropTable('directory_changes').execute();
  await db.schema.alterTable('directory_entries').dropColumn('changed_by').execute();
}
