// Frozen: never import application code here, never edit after release; add a new dated file instead.
// THL's figures beside the parties' own: a goal may name an indicator of THL's indicator bank (Sotkanet); the
// catalogue of indicators, its regions and the values fetched for them are kept here with when and where from they
// were fetched, and every fetch tried is logged, so a page can say that THL could not be reached and when it last was.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('goals').addColumn('thl_indicator', 'integer').execute();
  await db.schema
    .createTable('thl_indicators')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title_fi', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('thl_regions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_fi', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thl_regions_code').on('thl_regions').columns(['category', 'code']).execute();
  await db.schema
    .createTable('thl_values')
    .addColumn('indicator', 'integer', (c) => c.notNull())
    .addColumn('region', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thl_values_pk', ['indicator', 'region', 'year'])
    .execute();
  await db.schema
    .createTable('thl_fetches')
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ok', 'boolean', (c) => c.notNull())
    .addColumn('problem', 'text')
    .execute();
  await db.schema.createIndex('thl_fetches_at').on('thl_fetches').column('at').execute();
  // A cache: each fetch replaces what it fetched; the log of fetches only grows.
  await sql`grant select, insert, update, delete on thl_indicators, thl_regions, thl_values to sopu_app`.execute(db);
  await sql`grant select, insert on thl_fetches to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['thl_fetches', 'thl_values', 'thl_regions', 'thl_indicators'])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('goals').dropColumn('thl_indicator').execute();
}
