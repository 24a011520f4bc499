// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The follow-up of goals set in an earlier cycle: with each later answer, a party's status for each of its goals
// (achieved, on track, delayed, dropped), the indicator's current value and a comment.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goal_follow_ups')
    .addColumn('response_id', 'bigint', (c) => c.notNull().references('responses.id'))
    // The goal followed up: its answer, agenda item and position there (goals' key). Kept as sent, without a foreign
    // key: the workflow cannot look the record up before accepting, and a reader joins only the party's own goals.
    .addColumn('goal_response_id', 'bigint', (c) => c.notNull())
    .addColumn('goal_area', 'integer', (c) => c.notNull())
    .addColumn('goal_position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('achieved', 'on_track', 'delayed', 'dropped')`),
    )
    .addColumn('current_value', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('goal_follow_ups_pk', ['response_id', 'goal_response_id', 'goal_area', 'goal_position'])
    .execute();
  await sql`grant select, insert on goal_follow_ups to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('goal_follow_ups').execute();
}
