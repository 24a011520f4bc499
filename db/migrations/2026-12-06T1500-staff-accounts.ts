// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Staff accounts in PostgreSQL instead of an environment variable, each scoped to its counties (none listed: every
// county), kept by administrators on the web or by the operator's CLI; sessions keep the scope and provider they
// were signed in with; every staff sign-in, sign-out and refusal is kept (insert-only), for the auditors of the
// counties concerned.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('secretariat', 'auditor', 'administrator')`))
    .addColumn('counties', sql`text[]`)
    .addColumn('password_hash', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('cli'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('web_sessions')
    .addColumn('counties', sql`text[]`)
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('id_token', 'text')
    .execute();
  // An administrator keeps the staff accounts on the web.
  await sql`alter table web_sessions drop constraint web_sessions_role_check`.execute(db);
  await sql`alter table web_sessions add constraint web_sessions_role_check check (role in ('secretariat', 'auditor', 'administrator'))`.execute(
    db,
  );
  await db.schema
    .createTable('staff_events')
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('signed-in', 'signed-out', 'refused')`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('role', 'text')
    .addColumn('counties', sql`text[]`)
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('staff_events_at').on('staff_events').column('at').execute();
  await sql`grant select, insert, update, delete on staff_accounts to sopu_app`.execute(db);
  await sql`grant select, insert on staff_events to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_events').execute();
  await db.schema
    .alterTable('web_sessions')
    .dropColumn('id_token')
    .dropColumn('provider')
    .dropColumn('counties')
    .execute();
  await db.schema.dropTable('staff_accounts').execute();
}
