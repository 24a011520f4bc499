// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The cycle engine: phases, plans, documents, meetings, every task status change, answers on behalf.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cycles')
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('preparation'))
    .addColumn('cancel_reason', 'text')
    .execute();

  await db.schema
    .alterTable('participants')
    .addColumn('replaced_at', 'timestamptz')
    .addColumn('replaced_by', 'text')
    .addColumn('replace_reason', 'text')
    .execute();

  await db.schema
    .alterTable('tasks')
    .addColumn('phase_key', 'text')
    .addColumn('nominal_deadline', 'timestamptz')
    .addColumn('deadline_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('document_version', 'integer')
    .execute();
  await db.schema
    .alterTable('tasks')
    .addCheckConstraint('tasks_kind_check', sql`kind in ('input', 'comment', 'meeting', 'signoff')`)
    .execute();
  await db.schema
    .alterTable('tasks')
    .addCheckConstraint(
      'tasks_status_check',
      sql`status in ('open', 'overdue', 'answered', 'no_response', 'cancelled')`,
    )
    .execute();
  // Tasks of the walking skeleton had one task per kind and real deadlines only.
  await sql`update tasks set phase_key = kind, nominal_deadline = deadline`.execute(db);
  await db.schema
    .alterTable('tasks')
    .alterColumn('phase_key', (c) => c.setNotNull())
    .alterColumn('nominal_deadline', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('tasks_cycle_idx').on('tasks').columns(['cycle_id', 'party_code']).execute();

  await db.schema
    .createTable('task_status_changes')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .alterTable('responses')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('answer')
        .check(sql`kind in ('answer', 'no_comments')`),
    )
    .addColumn('on_behalf_by', 'text')
    .addColumn('on_behalf_reason', 'text')
    .execute();

  await db.schema
    .alterTable('signoffs')
    .addColumn('document_sha256', 'text')
    .addColumn('on_behalf_by', 'text')
    .addColumn('on_behalf_reason', 'text')
    .execute();

  await db.schema
    .createTable('deadlines')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('phase_key', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('nominal_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reminders', 'jsonb', (c) => c.notNull())
    .addColumn('planned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('deadlines_pk', ['cycle_id', 'phase_key', 'scope', 'version'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('is_final', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('documents_pk', ['cycle_id', 'version'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('link', 'text')
    .addColumn('scheduled_at', 'timestamptz', (c) => c.notNull())
    .addColumn('scheduled_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meetings_pk', ['cycle_id', 'version'])
    .execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('party_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('registration', 'minutes')`))
    .addColumn('update_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('meeting_attendees_update_position_unique', ['update_id', 'position'])
    .execute();

  await db.schema
    .createTable('minutes')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycles.id').onDelete('cascade'))
    .addColumn('meeting_version', 'integer', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['minutes', 'meeting_attendees', 'meetings', 'documents', 'deadlines', 'task_status_changes']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('signoffs')
    .dropColumn('document_sha256')
    .dropColumn('on_behalf_by')
    .dropColumn('on_behalf_reason')
    .execute();
  await db.schema
    .alterTable('responses')
    .dropColumn('kind')
    .dropColumn('on_behalf_by')
    .dropColumn('on_behalf_reason')
    .execute();
  await db.schema.dropIndex('tasks_cycle_idx').execute();
  await db.schema.alterTable('tasks').dropConstraint('tasks_kind_check').execute();
  await db.schema.alterTable('tasks').dropConstraint('tasks_status_check').execute();
  await db.schema
    .alterTable('tasks')
    .dropColumn('phase_key')
    .dropColumn('nominal_deadline')
    .dropColumn('deadline_version')
    .dropColumn('document_version')
    .execute();
  await db.schema
    .alterTable('participants')
    .dropColumn('replaced_at')
    .dropColumn('replaced_by')
    .dropColumn('replace_reason')
    .execute();
  await db.schema.alterTable('cycles').dropColumn('phase').dropColumn('cancel_reason').execute();
}
