// Reads a cycle definition (YAML or JSON) and turns it into the workflow's input, or explains every problem by
// the field it is in. Nothing starts unless the whole file is valid.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import YAML from 'yaml';
import { z } from 'zod';
import { defaultLanguage, referenceData } from '../db/reference';
import { CYCLE_KINDS, LANGUAGES, ROLES, type CycleInput, type Language, type PartyInput } from '../workflows/contracts';

export const HELSINKI = 'Europe/Helsinki';
/** Closing time of a deadline given as a date only (domain brief: default 16:00). */
export const DEFAULT_CLOSING_TIME = { hour: 16, minute: 0 };

export class CycleFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid cycle definition:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const email = z.string().trim().toLowerCase().pipe(z.email('not a valid email address'));

const moment = z.string().transform((value, ctx) => {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  let parsed = DateTime.fromISO(value, { zone: HELSINKI, setZone: true });
  if (dateOnly) parsed = parsed.set(DEFAULT_CLOSING_TIME);
  if (!parsed.isValid) {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not an ISO date or date-time (e.g. 2026-12-10 or 2026-12-10T16:00)` });
    return z.NEVER;
  }
  return parsed.toUTC().toISO()!;
});

const participantSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required'),
  email,
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES).optional(),
});

const partySchema = z
  .strictObject({
    county: z.string().regex(/^\d{2}$/, 'must be a two-digit county code').optional(),
    municipality: z.string().regex(/^\d{3}$/, 'must be a three-digit municipality code').optional(),
    language: z.enum(LANGUAGES).optional(),
    participants: z.array(participantSchema).min(1, 'needs at least one participant'),
  })
  .refine((p) => (p.county === undefined) !== (p.municipality === undefined), { message: 'give exactly one of county or municipality' });

export const cycleFileSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'use 3–81 lowercase letters, digits and dashes')
    .optional(),
  kind: z.enum(CYCLE_KINDS),
  county: z.string().regex(/^\d{2}$/, 'must be a two-digit county code'),
  title: z.string().trim().min(1, 'is required').max(300),
  period: z.string().regex(/^\d{4}(-\d{4})?$/, 'must be a year (2026) or a council term (2025-2029)'),
  secretariat: z.strictObject({ name: z.string().trim().min(1, 'is required'), email }),
  deadlines: z.strictObject({ input: moment, signOff: moment }),
  parties: z.array(partySchema).min(1, 'needs at least one party'),
});

export type CycleFile = z.input<typeof cycleFileSchema>;

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Validates a parsed definition against the schema, the reference data and the clock. */
export function toCycleInput(definition: unknown, now: Date = new Date()): CycleInput {
  const parsed = cycleFileSchema.safeParse(definition);
  if (!parsed.success) {
    throw new CycleFileError(parsed.error.issues.map((i) => `${fieldPath(i.path) || '(file)'}: ${i.message}`));
  }
  const file = parsed.data;
  const problems: string[] = [];
  const { counties, municipalities } = referenceData();
  const county = counties.get(file.county);
  if (!county) problems.push(`county: unknown county code '${file.county}'`);

  for (const [name, iso] of Object.entries(file.deadlines)) {
    if (new Date(iso) <= now) problems.push(`deadlines.${name}: ${iso} is in the past`);
  }
  if (file.deadlines.signOff <= file.deadlines.input) problems.push('deadlines.signOff: must be after deadlines.input');

  const seen = new Set<string>();
  const parties: PartyInput[] = [];
  file.parties.forEach((p, i) => {
    const at = `parties[${i}]`;
    let party: Omit<PartyInput, 'participants'> | null = null;
    if (p.municipality !== undefined) {
      const m = municipalities.get(p.municipality);
      if (!m) problems.push(`${at}.municipality: unknown municipality code '${p.municipality}'`);
      else if (m.countyCode !== file.county) {
        problems.push(`${at}.municipality: ${m.name.fi} (${m.code}) belongs to county ${m.countyCode}, not ${file.county}`);
      } else party = { code: m.code, kind: 'municipality', name: m.name.fi, language: p.language ?? defaultLanguage(m) };
    } else if (p.county !== file.county) {
      problems.push(`${at}.county: '${p.county}' is not the cycle's county ${file.county}`);
    } else if (county) {
      party = { code: county.code, kind: 'county', name: county.name.fi, language: p.language ?? 'fi' };
    }
    if (!party) return;
    if (seen.has(party.code)) problems.push(`${at}: party ${party.code} (${party.name}) is listed twice`);
    seen.add(party.code);
    for (const role of ['contact', 'signatory'] as const) {
      if (!p.participants.some((person) => person.role === role)) problems.push(`${at}.participants: party ${party.name} has no ${role}`);
    }
    const emails = new Set<string>();
    p.participants.forEach((person, j) => {
      if (emails.has(person.email)) problems.push(`${at}.participants[${j}].email: ${person.email} is listed twice in this party`);
      emails.add(person.email);
    });
    const language: Language = party.language;
    parties.push({ ...party, participants: p.participants.map((person) => ({ ...person, language: person.language ?? language })) });
  });
  if (problems.length) throw new CycleFileError(problems);

  return {
    cycleId: file.id ?? `${file.kind}-${file.county}-${file.period}`,
    kind: file.kind,
    countyCode: file.county,
    title: file.title,
    period: file.period,
    secretariat: file.secretariat,
    deadlines: file.deadlines,
    parties,
  };
}

/** Reads a .yaml, .yml or .json file and validates it. */
export function readCycleFile(file: string, now?: Date): CycleInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CycleFileError([`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`]);
  }
  let definition: unknown;
  try {
    definition = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new CycleFileError([`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
  return toCycleInput(definition, now);
}
