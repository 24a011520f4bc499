import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Calendar dates (DATE) stay 'YYYY-MM-DD' strings: a Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

// bigint columns (identities) come back as strings: exact, and what the schema types say.
export function connectDb(databaseUrl: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that the server closed (a restart, a shutdown) is dropped from the pool and the next query
  // opens a new one; unhandled, its 'error' event would end the process.
  pool.on('error', (err) => console.warn(`PostgreSQL closed an idle connection: ${err.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
