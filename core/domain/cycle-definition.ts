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
import { withField, type DefinitionProblem, type SchemaProblem } from './definition-problems';

/** Every problem of a definition: as data (`issues`, for a page in its reader's language) and in English. */
export class CycleFileError extends Error {
  readonly problems: string[];
  constructor(readonly issues: DefinitionProblem[]) {
    const problems = issues.map(withField);
    super(`Invalid cycle definition:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
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

/** What kind of problem the schema found, and its limit: a reader is told these, never zod's English. */
function schemaProblem(issue: z.core.$ZodIssue): { problem: SchemaProblem; limit?: number; keys?: string[] } {
  switch (issue.code) {
    case 'too_big':
      return { problem: issue.origin === 'string' ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { problem: 'required' }
        : { problem: 'too_small', limit: Number(issue.minimum) };
    case 'invalid_type':
      return { problem: issue.input === undefined ? 'required' : 'invalid' };
    case 'invalid_value':
      return { problem: 'not_allowed' };
    case 'unrecognized_keys':
      return { problem: 'unknown_keys', keys: issue.keys };
    default:
      return { problem: 'invalid' };
  }
}

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
    throw new CycleFileError(
      parsed.error.issues.map((i) => ({
        field: fieldPath(i.path) || '(file)',
        key: 'schema',
        ...schemaProblem(i),
        english: i.message,
      })),
    );
  return parsed.data;
}

function check(file: z.output<typeof directorySchema>, now: Date, reference: ReferenceData): ValidCycle {
  const problems: DefinitionProblem[] = [];
  if (!file.secretariat) problems.push({ field: 'secretariat', key: 'noSecretariat', county: file.county });
  const { counties, municipalities } = reference;
  const county = counties.get(file.county);
  if (!county) throw new CycleFileError([{ field: 'county', key: 'unknownCounty', county: file.county }]);
  // Helsinki (90) is no county: it negotiates with HUS (612/2021 §6(5)), or on a theme; HUS negotiates with Helsinki.
  if (file.county === HELSINKI.county && file.kind !== 'hus' && file.kind !== 'theme')
    problems.push({ field: 'county', key: 'helsinkiNotCounty' });
  if (file.kind === 'hus' && file.county !== HELSINKI.county)
    problems.push({ field: 'county', key: 'husNeedsHelsinki', county: file.county });
  if (file.county === '91') problems.push({ field: 'county', key: 'aland' });
  if (file.kind === 'theme' && !file.agenda?.length) problems.push({ field: 'agenda', key: 'themeNeedsAgenda' });
  if (file.kind === 'theme' && !file.id) problems.push({ field: 'id', key: 'themeNeedsId' });

  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate()!;
  const start = file.startsOn ?? today;
  if (start < today) problems.push({ field: 'startsOn', key: 'startInPast', date: start });
  if (file.kind === 'term') {
    const term = reference.councilTerms.find((t) => t.period === file.period);
    if (!term)
      problems.push({
        field: 'period',
        key: 'notCouncilTerm',
        period: file.period,
        terms: reference.councilTerms.map((t) => t.period),
      });
    else if (start < term.startsOn || start > term.endsOn)
      problems.push({
        field: 'period',
        key: 'outsideCouncilTerm',
        period: file.period,
        from: term.startsOn,
        to: term.endsOn,
        start,
      });
    if (file.organisations?.length) problems.push({ field: 'organisations', key: 'organisationsInTerm' });
  } else {
    if (file.kind === 'ministry' && file.organisations?.length)
      problems.push({ field: 'organisations', key: 'organisationsInMinistry' });
    const year = Number(file.period);
    const startYear = Number(start.slice(0, 4));
    if (!/^\d{4}$/.test(file.period)) problems.push({ field: 'period', key: 'periodNotYear', example: startYear });
    else if (year < startYear || year > startYear + 1)
      problems.push({ field: 'period', key: 'periodWrongYear', year, startYear });
  }

  const codes = file.parties ?? defaultParties(file.kind, file.county, reference);
  const seen = new Set<string>();
  const parties: Omit<PartyInput, 'participants'>[] = [];
  codes.forEach((code, i) => {
    const field = `parties[${i}]`;
    if (seen.has(code)) return void problems.push({ field, key: 'listedTwice', party: code });
    seen.add(code);
    const national = NATIONAL_PARTIES[code];
    if (national) {
      const fits =
        national.kind === 'ministry' ? file.kind === 'ministry' : ['annual', 'hus', 'theme'].includes(file.kind);
      if (!fits) problems.push({ field, key: 'nationalWrongKind', party: code });
      else if (code === 'hus' && !HUS_COUNTIES.includes(file.county))
        problems.push({ field, key: 'husOutsideUusimaa', county: file.county });
      else parties.push({ code, kind: national.kind, name: national.name.fi, language: 'fi' });
      return;
    }
    if (file.kind === 'ministry' && code !== file.county)
      return void problems.push({ field, key: 'ministryWithOthers', county: file.county, party: code });
    if (code.length === 2) {
      if (code === HELSINKI.county) problems.push({ field, key: 'helsinkiAsCity' });
      else if (code !== file.county) problems.push({ field, key: 'notTheCounty', party: code, county: file.county });
      else parties.push({ code, kind: 'county', name: county.name.fi, language: 'fi' });
      return;
    }
    const m = municipalities.get(code);
    if (!m) problems.push({ field, key: 'unknownMunicipality', party: code });
    else if (m.countyCode !== file.county && !(file.county === HELSINKI.county && code === HELSINKI.municipality))
      problems.push({
        field,
        key: 'wrongCounty',
        party: m.code,
        name: m.name.fi,
        belongs: m.countyCode,
        county: file.county,
      });
    else parties.push({ code, kind: 'municipality', name: m.name.fi, language: defaultLanguage(m) });
  });
  (file.organisations ?? []).forEach((o, i) => {
    // A code Sopu knows keeps its rules when listed as an organisation: HUS in Helsinki's and Uusimaa's only, a
    // ministry never.
    const known = NATIONAL_PARTIES[o.code];
    if (known?.kind === 'ministry')
      problems.push({ field: `organisations[${i}].code`, key: 'organisationIsMinistry', party: o.code });
    else if (known && !HUS_COUNTIES.includes(file.county))
      problems.push({ field: `organisations[${i}].code`, key: 'husOutsideUusimaa', county: file.county });
    if (seen.has(o.code)) problems.push({ field: `organisations[${i}].code`, key: 'codeUsedTwice', party: o.code });
    seen.add(o.code);
    parties.push({ code: o.code, kind: 'organisation', name: o.name, language: o.language ?? 'fi' });
  });

  const people: Record<string, z.infer<typeof participantsSchema>> = { ...file.participants };
  (file.organisations ?? []).forEach((o) => (people[o.code] = o.participants));
  for (const code of Object.keys(file.participants)) {
    if (!seen.has(code)) problems.push({ field: `participants.${code}`, key: 'notAParty', party: code });
  }
  const withPeople: PartyInput[] = parties.map((party) => {
    const at =
      party.kind === 'organisation'
        ? `organisations[${(file.organisations ?? []).findIndex((o) => o.code === party.code)}].participants`
        : `participants.${party.code}`;
    const list = people[party.code] ?? [];
    const named = { party: party.code, name: party.name };
    if (!list.length) problems.push({ field: at, key: 'noParticipants', ...named });
    for (const role of ['contact', 'signatory'] as const) {
      if (list.length && !list.some((p) => p.role === role))
        problems.push({ field: at, key: 'noRole', ...named, role });
    }
    const emails = new Set<string>();
    list.forEach((person, j) => {
      if (emails.has(person.email))
        problems.push({ field: `${at}[${j}].email`, key: 'emailTwice', email: person.email });
      emails.add(person.email);
    });
    const language: Language = party.language;
    return { ...party, participants: list.map((person) => ({ ...person, language: person.language ?? language })) };
  });
  if (file.kind === 'ministry' && !parties.some((p) => p.kind === 'ministry'))
    problems.push({ field: 'parties', key: 'ministryNeedsMinistry' });
  if (file.kind === 'ministry' && !parties.some((p) => p.code === file.county))
    problems.push({ field: 'parties', key: 'ministryNeedsCounty', county: file.county });
  const template = TEMPLATES[file.kind];
  const schedule = { ...template.schedule, ...file.schedule };
  // A reminder goes out a number of working days before a deadline; it must fall after the task was given.
  const phases = [
    ['preparationDays', 'preparation'],
    ['roundDays', 'round'],
    ['signOffDays', 'signoff'],
  ] as const;
  for (const n of schedule.reminderDays) {
    const shorter = phases.filter(([field]) => n >= schedule[field]);
    if (shorter.length)
      problems.push({
        field: 'schedule.reminderDays',
        key: 'reminderTooEarly',
        days: n,
        phases: shorter.map(([field, phase]) => ({ phase, days: schedule[field] })),
      });
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
    ...(file.thlIndicators?.length ? { thlIndicators: [...new Set(file.thlIndicators)] } : {}),
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
