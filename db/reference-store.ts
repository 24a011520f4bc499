// Reference data in Postgres: the classification of counties and municipalities valid from a date. The shipped 2026
// classification is loaded when the tables are empty; a new year's files update it (`sopu reference import`), and a
// municipality missing from the new file (merged into another, as Pertunmaa into Mäntyharju on 1.1.2025) ends the
// day before.
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { CouncilTerm, Municipality, ReferenceData } from '../core/domain/reference';
import { parseCounties, parseCouncilTerms, parseMunicipalities, SHIPPED_REFERENCE } from './reference';
import type { Database } from './schema';

export async function importReference(
  db: Kysely<Database>,
  files: { counties: string; municipalities: string; validFrom: string },
): Promise<{ counties: number; municipalities: number; ended: string[] }> {
  const counties = parseCounties(files.counties);
  const municipalities = parseMunicipalities(files.municipalities);
  const dayBefore = DateTime.fromISO(files.validFrom).minus({ days: 1 }).toISODate()!;
  return db.transaction().execute(async (trx) => {
    for (const c of counties) {
      await trx
        .insertInto('counties')
        .values({
          code: c.code,
          name_fi: c.name.fi,
          name_sv: c.name.sv,
          name_en: c.name.en,
          valid_from: files.validFrom,
          valid_to: null,
        })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({ name_fi: c.name.fi, name_sv: c.name.sv, name_en: c.name.en, valid_to: null }),
        )
        .execute();
    }
    for (const m of municipalities) {
      const values = {
        name_fi: m.name.fi,
        name_sv: m.name.sv,
        name_en: m.name.en,
        county_code: m.countyCode,
        language_status: m.languageStatus,
      };
      await trx
        .insertInto('municipalities')
        .values({ code: m.code, ...values, valid_from: files.validFrom, valid_to: null })
        .onConflict((oc) => oc.column('code').doUpdateSet({ ...values, valid_to: null }))
        .execute();
    }
    const ended = await trx
      .updateTable('municipalities')
      .set({ valid_to: dayBefore })
      .where('valid_to', 'is', null)
      .where(
        'code',
        'not in',
        municipalities.map((m) => m.code),
      )
      .returning('code')
      .execute();
    return { counties: counties.length, municipalities: municipalities.length, ended: ended.map((e) => e.code) };
  });
}

/** Adds council terms, or corrects their dates. */
export async function importCouncilTerms(db: Kysely<Database>, terms: CouncilTerm[]): Promise<void> {
  for (const t of terms) {
    await db
      .insertInto('council_terms')
      .values({ period: t.period, starts_on: t.startsOn, ends_on: t.endsOn })
      .onConflict((oc) => oc.column('period').doUpdateSet({ starts_on: t.startsOn, ends_on: t.endsOn }))
      .execute();
  }
}

/** Loads the shipped classification into empty tables and the shipped council terms; does nothing else. */
export async function seedReference(db: Kysely<Database>): Promise<void> {
  const any = await db.selectFrom('counties').select('code').limit(1).executeTakeFirst();
  if (!any)
    await importReference(db, {
      counties: SHIPPED_REFERENCE.counties(),
      municipalities: SHIPPED_REFERENCE.municipalities(),
      validFrom: SHIPPED_REFERENCE.validFrom,
    });
  await importCouncilTerms(db, parseCouncilTerms(SHIPPED_REFERENCE.councilTerms()));
}

export async function councilTerms(db: Kysely<Database>): Promise<CouncilTerm[]> {
  const rows = await db.selectFrom('council_terms').selectAll().orderBy('starts_on').execute();
  return rows.map((t) => ({ period: t.period, startsOn: t.starts_on, endsOn: t.ends_on }));
}

export async function countyCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('counties').select('code').orderBy('code').execute()).map((c) => c.code);
}

/** The classification valid on a date, in the shape cycle files are checked against. */
export async function referenceOn(db: Kysely<Database>, on: string): Promise<ReferenceData> {
  const valid = <T extends { valid_from: string; valid_to: string | null }>(rows: T[]) =>
    rows.filter((r) => r.valid_from <= on && (!r.valid_to || r.valid_to >= on));
  const counties = valid(await db.selectFrom('counties').selectAll().execute());
  const municipalities = valid(await db.selectFrom('municipalities').selectAll().execute());
  return {
    councilTerms: await councilTerms(db),
    counties: new Map(
      counties.map((c) => [c.code, { code: c.code, name: { fi: c.name_fi, sv: c.name_sv, en: c.name_en } }]),
    ),
    municipalities: new Map(
      municipalities.map((m) => [
        m.code,
        {
          code: m.code,
          name: { fi: m.name_fi, sv: m.name_sv, en: m.name_en },
          countyCode: m.county_code,
          languageStatus: m.language_status as Municipality['languageStatus'],
        },
      ]),
    ),
  };
}

/** Municipalities of a county on a date. */
export function municipalitiesOf(db: Kysely<Database>, countyCode: string, on: string) {
  return db
    .selectFrom('municipalities')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]))
    .orderBy('code')
    .execute();
}
