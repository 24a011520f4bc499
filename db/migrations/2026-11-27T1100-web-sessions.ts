// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Sign-in sessions kept on the server (a cookie alone cannot be revoked), and every sign-in attempt, for throttling
// and for whoever looks into one later.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('web_sessions')
    // The SHA-256 of the token in the cookie: reading this table gives no session away.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('secretariat', 'auditor')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'boolean', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sign_in_attempts_email_idx').on('sign_in_attempts').columns(['email', 'at']).execute();
  await db.schema
    .createIndex('sign_in_attempts_address_idx')
    .on('sign_in_attempts')
    .columns(['address', 'at'])
    .execute();
  await sql`grant select, insert, update on web_sessions to sopu_app`.execute(db);
  await sql`grant select, insert on sign_in_attempts to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute();
  await db.schema.dropTable('web_sessions').execute();
}
