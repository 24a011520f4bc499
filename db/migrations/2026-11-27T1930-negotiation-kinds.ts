// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Every statutory negotiation on the calendar: Helsinki–HUS (hus), the ministries with a county (ministry) and a
// single theme (theme) as kinds of cycle, the ministries as a kind of party, and each schedule's runs, so a start
// that could not happen is seen (calendar list, the compliance report, the secretariat's pages).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cycles').dropConstraint('cycles_kind_check').execute();
  await db.schema
    .alterTable('cycles')
    .addCheckConstraint('cycles_kind_check', sql`kind in ('term', 'annual', 'hus', 'ministry', 'theme')`)
    .execute();
  await db.schema.alterTable('parties').dropConstraint('parties_kind_check').execute();
  await db.schema
    .alterTable('parties')
    .addCheckConstraint('parties_kind_check', sql`kind in ('county', 'municipality', 'organisation', 'ministry')`)
    .execute();
  await db.schema
    .createTable('schedule_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('started', 'missing')`))
    .addColumn('cycle_id', 'text')
    .addColumn('missing', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('told', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex('schedule_runs_by_schedule').on('schedule_runs').columns(['schedule_id', 'at']).execute();
  await sql`grant select, insert on schedule_runs to sopu_app`.execute(db);
  await sql`grant usage, select on sequence schedule_runs_id_seq to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schedule_runs').execute();
  await db.schema.alterTable('parties').dropConstraint('parties_kind_check').execute();
  await db.schema
    .alterTable('parties')
    .addCheckConstraint('parties_kind_check', sql`kind in ('county', 'municipality', 'organisation')`)
    .execute();
  await db.schema.alterTable('cycles').dropConstraint('cycles_kind_check').execute();
  await db.schema
    .alterTable('cycles')
    .addCheckConstraint('cycles_kind_check', sql`kind in ('term', 'annual')`)
    .execute();
}
