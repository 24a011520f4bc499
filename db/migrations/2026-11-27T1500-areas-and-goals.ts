// Frozen: never import application code here, never edit after release; add a new dated file instead.
// What a party says per agenda item (cooperation area), and the measurable goals it sets there, as rows a
// secretariat can read, filter and export; each belongs to the answer (response) it came with, so every version
// keeps its own.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('response_areas')
    .addColumn('response_id', 'bigint', (c) => c.notNull().references('responses.id'))
    .addColumn('area', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('response_areas_pk', ['response_id', 'area'])
    .execute();
  await db.schema
    .createTable('goals')
    .addColumn('response_id', 'bigint', (c) => c.notNull().references('responses.id'))
    .addColumn('area', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('indicator', 'text')
    .addColumn('baseline', 'text')
    .addColumn('target', 'text')
    .addColumn('target_year', 'integer')
    .addColumn('responsible', 'text')
    .addColumn('party_person', 'text')
    .addColumn('county_person', 'text')
    .addPrimaryKeyConstraint('goals_pk', ['response_id', 'area', 'position'])
    .execute();
  // Written once with their answer, never changed.
  await sql`grant select, insert on response_areas, goals to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('goals').execute();
  await db.schema.dropTable('response_areas').execute();
}
