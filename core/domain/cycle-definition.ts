// A cycle definition (what a cycle file or a schedule says) turned into the workflow's input, or every problem
// explained by the field it is in. Hand-started and scheduled cycles alike are checked against the reference data
// Postgres holds for the day. Nothing starts unless the whole definition is valid.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { TIME_ZONE, type CycleInput, type CycleKind, type Language, type PartyInput } from '../contracts';
import { TEMPLATES } from './cycle-templates';
import { HELSINKI, HUS_COUNTIES, MINISTRIES, NATIONAL_PARTIES } from './national-parties';
import { defaultLanguage, type ReferenceData } from './reference';
import { cycleFileSchema, participantsSchema, secretariatSchema } from './cycle-file-schema';

export class CycleFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid cycle definition:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A validated cycle: the workflow input, and when to start it (null: now). */
export interface ValidCycle {
  input: CycleInput;
  startsAt: Date | null;
}

/** Who negotiates when a definition does not list the parties (a schedule never does): what the law names for each
 * kind (611/2021 §14 and §13 a, 612/2021 §6(5) and §7), from the reference data of the day. */
export function defaultParties(kind: CycleKind, county: string, reference: ReferenceData): string[] {
  if (kind === 'hus') return [HELSINKI.municipality, 'hus'];
  // Helsinki (90) takes part as the city (091), never as a county.
  if (county === HELSINKI.county) return [HELSINKI.municipality];
  if (kind === 'ministry') return [county, ...MINISTRIES];
  const inCounty = [...reference.municipalities.values()].filter((m) => m.countyCode === county);
  return [county, ...inCounty.map((m) => m.code).sort()];
}

/** A cycle that starts on a later date starts at 08:00 Helsinki time that day. */
const START_HOUR = 8;

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Validates a parsed definition against the schema, the reference data valid today and the clock. */
export function toCycleInput(definition: unknown, now: Date, reference: ReferenceData): ValidCycle {
  return check(parse(cycleFileSchema, definition), now, reference);
}

/** A definition built from the party directory may lack the county's secretariat: that is then one problem among
 * the others, so whoever is told hears all of them at once. */
const directorySchema = cycleFileSchema.extend({ secretariat: secretariatSchema.optional() });

export function directoryCycleInput(definition: unknown, now: Date, reference: ReferenceData): ValidCycle {
  return check(parse(directorySchema, definition), now, reference);
}

function parse<T>(schema: z.ZodType<T>, definition: unknown): T {
  const parsed = schema.safeParse(definition);
  if (!parsed.success)
    throw new CycleFileError(parsed.error.issues.map((i) => `${fieldPath(i.path) || '(file)'}: ${i.message}`));
  return parsed.data;
}

function check(file: z.output<typeof directorySchema>, now: Date, reference: ReferenceData): ValidCycle {
  const problems: string[] = [];
  if (!file.secretariat) problems.push(`secretariat: county ${file.county} has no secretariat in the directory`);
  const { counties, municipalities } = reference;
  const county = counties.get(file.county);
  if (!county) throw new CycleFileError([`county: unknown county code '${file.county}'`]);
  // Helsinki (90) is no county: it negotiates with HUS (612/2021 §6(5)), or on a theme; HUS negotiates with Helsinki.
  if (file.county === HELSINKI.county && file.kind !== 'hus' && file.kind !== 'theme')
    problems.push(
      `county: the City of Helsinki is not part of a wellbeing services county; its yearly negotiation is with HUS (kind: hus, 612/2021 §6(5))`,
    );
  if (file.kind === 'hus' && file.county !== HELSINKI.county)
    problems.push(
      `county: a hus negotiation is the City of Helsinki's with HUS: its county is "90", not "${file.county}"`,
    );
  if (file.county === '91') problems.push('county: Åland is outside the wellbeing services county system');
  if (file.kind === 'theme' && !file.agenda?.length)
    problems.push('agenda: a theme negotiation names its theme: give the agenda (e.g. Savuton kunta)');
  if (file.kind === 'theme' && !file.id)
    problems.push(
      'id: a county holds many theme negotiations a year: give each its own id (e.g. theme-08-2027-savuton)',
    );

  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate()!;
  const start = file.startsOn ?? today;
  if (start < today) problems.push(`startsOn: ${start} is in the past`);
  if (file.kind === 'term') {
    const term = reference.councilTerms.find((t) => t.period === file.period);
    if (!term)
      problems.push(
        `period: '${file.period}' is not a council term (${reference.councilTerms.map((t) => t.period).join(', ')})`,
      );
    else if (start < term.startsOn || start > term.endsOn)
      problems.push(
        `period: the council term ${file.period} runs ${term.startsOn}–${term.endsOn}; this cycle would start ${start}`,
      );
    if (file.organisations?.length)
      problems.push('organisations: other actors take part in annual, hus and theme cycles only');
  } else {
    if (file.kind === 'ministry' && file.organisations?.length)
      problems.push('organisations: a ministry negotiation is between the ministries and the county');
    const year = Number(file.period);
    const startYear = Number(start.slice(0, 4));
    if (!/^\d{4}$/.test(file.period)) problems.push(`period: an annual cycle belongs to a year, e.g. ${startYear}`);
    else if (year < startYear || year > startYear + 1)
      problems.push(`period: ${year} is not the year this cycle starts (${startYear}) or the next`);
  }

  const codes = file.parties ?? defaultParties(file.kind, file.county, reference);
  const seen = new Set<string>();
  const parties: Omit<PartyInput, 'participants'>[] = [];
  codes.forEach((code, i) => {
    if (seen.has(code)) return void problems.push(`parties[${i}]: party ${code} is listed twice`);
    seen.add(code);
    const national = NATIONAL_PARTIES[code];
    if (national) {
      const fits =
        national.kind === 'ministry' ? file.kind === 'ministry' : ['annual', 'hus', 'theme'].includes(file.kind);
      if (!fits)
        problems.push(
          `parties[${i}]: ${national.name.en} (${code}) is a party of ${national.kind === 'ministry' ? 'ministry' : 'annual, hus and theme'} negotiations only`,
        );
      else if (code === 'hus' && !HUS_COUNTIES.includes(file.county))
        problems.push(
          `parties[${i}]: the HUS Group (hus) takes part in Helsinki's and the Uusimaa counties' negotiations only, not county ${file.county}'s`,
        );
      else parties.push({ code, kind: national.kind, name: national.name.fi, language: 'fi' });
      return;
    }
    if (file.kind === 'ministry' && code !== file.county)
      return void problems.push(
        `parties[${i}]: a ministry negotiation is between the ministries and the county ${file.county}, not ${code}`,
      );
    if (code.length === 2) {
      if (code === HELSINKI.county)
        problems.push(`parties[${i}]: the City of Helsinki takes part as the city: ${HELSINKI.municipality}`);
      else if (code !== file.county) problems.push(`parties[${i}]: '${code}' is not the cycle's county ${file.county}`);
      else parties.push({ code, kind: 'county', name: county.name.fi, language: 'fi' });
      return;
    }
    const m = municipalities.get(code);
    if (!m) problems.push(`parties[${i}]: unknown municipality code '${code}'`);
    else if (m.countyCode !== file.county && !(file.county === HELSINKI.county && code === HELSINKI.municipality))
      problems.push(`parties[${i}]: ${m.name.fi} (${m.code}) belongs to county ${m.countyCode}, not ${file.county}`);
    else parties.push({ code, kind: 'municipality', name: m.name.fi, language: defaultLanguage(m) });
  });
  (file.organisations ?? []).forEach((o, i) => {
    // A code Sopu knows keeps its rules when listed as an organisation: HUS in Helsinki's and Uusimaa's only, a
    // ministry never.
    const known = NATIONAL_PARTIES[o.code];
    if (known?.kind === 'ministry')
      problems.push(
        `organisations[${i}].code: '${o.code}' is the ${known.name.en}, a party of ministry negotiations only`,
      );
    else if (known && !HUS_COUNTIES.includes(file.county))
      problems.push(
        `organisations[${i}].code: the HUS Group (hus) takes part in Helsinki's and the Uusimaa counties' negotiations only, not county ${file.county}'s`,
      );
    if (seen.has(o.code)) problems.push(`organisations[${i}].code: '${o.code}' is used twice`);
    seen.add(o.code);
    parties.push({ code: o.code, kind: 'organisation', name: o.name, language: o.language ?? 'fi' });
  });

  const people: Record<string, z.infer<typeof participantsSchema>> = { ...file.participants };
  (file.organisations ?? []).forEach((o) => (people[o.code] = o.participants));
  for (const code of Object.keys(file.participants)) {
    if (!seen.has(code)) problems.push(`participants.${code}: '${code}' is not a party of this cycle`);
  }
  const withPeople: PartyInput[] = parties.map((party) => {
    const at =
      party.kind === 'organisation'
        ? `organisations[${(file.organisations ?? []).findIndex((o) => o.code === party.code)}].participants`
        : `participants.${party.code}`;
    const list = people[party.code] ?? [];
    if (!list.length) problems.push(`${at}: party ${party.name} has no participants`);
    for (const role of ['contact', 'signatory'] as const) {
      if (list.length && !list.some((p) => p.role === role)) problems.push(`${at}: party ${party.name} has no ${role}`);
    }
    const emails = new Set<string>();
    list.forEach((person, j) => {
      if (emails.has(person.email)) problems.push(`${at}[${j}].email: ${person.email} is listed twice in this party`);
      emails.add(person.email);
    });
    const language: Language = party.language;
    return { ...party, participants: list.map((person) => ({ ...person, language: person.language ?? language })) };
  });
  if (file.kind === 'ministry' && !parties.some((p) => p.kind === 'ministry'))
    problems.push('parties: a ministry negotiation needs at least one of the ministries (vm, stm, sm)');
  if (file.kind === 'ministry' && !parties.some((p) => p.code === file.county))
    problems.push(`parties: a ministry negotiation is held with the county: include ${file.county}`);
  const template = TEMPLATES[file.kind];
  const schedule = { ...template.schedule, ...file.schedule };
  // A reminder goes out a number of working days before a deadline; it must fall after the task was given.
  const phases = [
    ['preparationDays', 'preparation'],
    ['roundDays', 'consultation round'],
    ['signOffDays', 'sign-off'],
  ] as const;
  for (const n of schedule.reminderDays) {
    const shorter = phases.filter(([field]) => n >= schedule[field]);
    if (shorter.length) {
      const which = shorter.map(([field, phase]) => `the ${phase} (${schedule[field]} working days)`).join(' and ');
      problems.push(
        `schedule.reminderDays: a reminder ${n} working days before the deadline would come before ${which} begins`,
      );
    }
  }
  if (problems.length || !file.secretariat) throw new CycleFileError(problems);

  const input: CycleInput = {
    cycleId: file.id ?? `${file.kind}-${file.county}-${file.period}`,
    kind: file.kind,
    countyCode: file.county,
    title: file.title ?? template.title(county.name.fi, file.period),
    period: file.period,
    secretariat: { ...file.secretariat, language: file.secretariat.language ?? 'fi' },
    agenda: file.agenda ?? template.agenda,
    schedule,
    ...(file.supplementaryReason ? { supplementaryReason: file.supplementaryReason } : {}),
    answersVisible: file.answersVisible ?? 'after-phase',
    ...(file.records
      ? {
          records: {
            ...(file.records.diaryNumber ? { diaryNumber: file.records.diaryNumber } : {}),
            publicity: file.records.publicity ?? 'public',
            ...(file.records.secrecyGround ? { secrecyGround: file.records.secrecyGround } : {}),
            retention: file.records.retention ?? 'permanent',
          },
        }
      : {}),
    parties: withPeople,
  };
  const startsAt =
    file.startsOn && file.startsOn > today
      ? DateTime.fromISO(file.startsOn, { zone: TIME_ZONE }).set({ hour: START_HOUR }).toJSDate()
      : null;
  return { input, startsAt };
}
