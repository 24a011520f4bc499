import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Calendar dates (DATE) stay 'YYYY-MM-DD' strings: a Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

// bigint columns (identities) come back as strings: exact, and what the schema types say.
export function connectDb(databaseUrl: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // A connection the server closes (a restart, a shutdown: 57P01) emits 'error', whether it sits idle in the pool or
  // is checked out between queries; unhandled, that event would end the process. The query that was using it fails
  // and is answered as an outage; the pool drops the dead connection and the next query opens a new one.
  pool.on('error', (err) => console.warn(`PostgreSQL closed an idle connection: ${err.message}`));
  pool.on('connect', (client) =>
    client.on('error', (err) => console.warn(`PostgreSQL closed a connection in use: ${err.message}`)),
  );
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
