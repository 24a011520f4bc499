// `npm run db:migrate`: creates the database if needed and applies pending migrations.
import { connectDb } from '../db/connect';
import { ensureDatabase, migrateToLatest } from '../db/migrate';
import { seedReference } from '../db/reference-store';
import { databaseUrlOf, readConfig } from './config';

async function main(): Promise<void> {
  const databaseUrl = databaseUrlOf(readConfig());
  await ensureDatabase(databaseUrl);
  const db = connectDb(databaseUrl, 1);
  try {
    const applied = await migrateToLatest(db);
    await seedReference(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exit(1);
});
