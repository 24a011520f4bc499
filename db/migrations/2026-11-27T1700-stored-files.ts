// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Files stored before any workflow names them (claim check): drafts in their original format and the attachments of
// answers. A file is kept once, under the SHA-256 of its bytes; documents and attachments point to it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('files_size', sql`size = octet_length(content)`)
    .execute();
  // The original of a published version; `content` keeps the text a reader is shown (empty for a PDF).
  await db.schema
    .alterTable('documents')
    .addColumn('file_sha256', 'text', (c) => c.references('files.sha256'))
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .execute();
  await db.schema
    .createTable('answer_attachments')
    .addColumn('response_id', 'bigint', (c) => c.notNull().references('responses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_attachments_pk', ['response_id', 'position'])
    .execute();
  await sql`grant select, insert on files, answer_attachments to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_attachments').execute();
  await db.schema
    .alterTable('documents')
    .dropColumn('file_sha256')
    .dropColumn('file_name')
    .dropColumn('media_type')
    .execute();
  await db.schema.dropTable('files').execute();
}
