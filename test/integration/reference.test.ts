// A new year's classification on a database of its own: a merged municipality ends the day before, a new one
// begins, and the reference data a scheduled cycle is checked against follows the date.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { connectDb } from '../../db/connect';
import { ensureDatabase, migrateToLatest } from '../../db/migrate';
import { SHIPPED_REFERENCE } from '../../db/reference';
import { importReference, municipalitiesOf, referenceOn, seedReference } from '../../db/reference-store';
import type { Database } from '../../db/schema';

let db: Kysely<Database>;
const url = new URL(inject('databaseUrl'));
url.pathname = `${url.pathname}_reference`;

beforeAll(async () => {
  await ensureDatabase(url.toString());
  db = connectDb(url.toString(), 1);
  await migrateToLatest(db);
  await seedReference(db);
});

afterAll(async () => {
  await db?.destroy();
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`drop database if exists ${pg.escapeIdentifier(url.pathname.slice(1))} with (force)`);
  await admin.end();
});

describe('reference data', () => {
  it('loads the shipped 2026 classification once', async () => {
    await seedReference(db);
    expect((await db.selectFrom('municipalities').select('code').execute()).length).toBe(308);
    expect((await municipalitiesOf(db, '08', '2026-06-01')).length).toBe(23);
  });

  it('updates for a new year: a merged municipality ends the day before, a new one starts', async () => {
    // 2027 (invented for the test): Kihniö (250) merges into Parkano (581); a new municipality 999 in Pirkanmaa.
    const municipalities = SHIPPED_REFERENCE.municipalities()
      .split('\n')
      .filter((line) => !line.startsWith('250,'))
      .concat('999,Uusikunta,Nykommun,Uusikunta,08,0,x,y,3,06')
      .join('\n');
    const result = await importReference(db, {
      counties: SHIPPED_REFERENCE.counties(),
      municipalities,
      validFrom: '2027-01-01',
    });
    expect(result.ended).toEqual(['250']);
    expect(
      await db.selectFrom('municipalities').select(['valid_to']).where('code', '=', '250').executeTakeFirstOrThrow(),
    ).toEqual({ valid_to: '2026-12-31' });
    const before = (await municipalitiesOf(db, '08', '2026-12-31')).map((m) => m.code);
    const after = (await municipalitiesOf(db, '08', '2027-01-01')).map((m) => m.code);
    expect([before.includes('250'), after.includes('250'), after.includes('999')]).toEqual([true, false, true]);
    const reference = await referenceOn(db, '2027-01-01');
    expect(reference.municipalities.get('999')).toMatchObject({ countyCode: '08', name: { fi: 'Uusikunta' } });
    expect(reference.municipalities.has('250')).toBe(false);
  });
});
