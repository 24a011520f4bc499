// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Reference data (counties, municipalities, council terms) valid for a period, and the party directory: the
// default participants of each party, used by scheduled cycles.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counties')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull().references('counties.code'))
    .addColumn('language_status', 'integer', (c) => c.notNull().check(sql`language_status between 0 and 3`))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema
    .createTable('council_terms')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .execute();
  await db
    .insertInto('council_terms')
    .values([
      { period: '2025-2029', starts_on: '2025-06-01', ends_on: '2029-05-31' },
      { period: '2029-2033', starts_on: '2029-06-01', ends_on: '2033-05-31' },
    ])
    .execute();
  await db.schema
    .createTable('directory_entries')
    .addColumn('party_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('contact', 'signatory', 'member', 'secretariat')`))
    .addColumn('language', 'text', (c) => c.check(sql`language in ('fi', 'sv', 'en')`))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('directory_entries_pk', ['party_code', 'email', 'role'])
    .execute();
  await sql`grant select, insert, update, delete on counties, municipalities, council_terms, directory_entries to sopu_app`.execute(
    db,
  );
  // A message about a cycle that could not start belongs to no cycle.
  await db.schema
    .alterTable('emails')
    .alterColumn('cycle_id', (c) => c.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['directory_entries', 'council_terms', 'municipalities', 'counties'])
    await db.schema.dropTable(table).execute();
}
