// A new cycle's definition before anyone has written it: from the kind's template (the parties the law gives, their
// people from the party directory, the statutory agenda) or copied from an earlier cycle of the county's, with the
// period moved on and what changed in the directory since. The new-cycle form starts from one of these; what it
// sends back is checked as any cycle file is (cycle-file.ts).
import type { Kysely } from 'kysely';
import type { CycleInput, CycleKind } from '../core/contracts';
import { defaultParties } from '../core/domain/cycle-definition';
import type { CycleFile } from '../core/domain/cycle-file-schema';
import { TEMPLATES } from '../core/domain/cycle-templates';
import type { ReferenceData } from '../core/domain/reference';
import { directoryPeople } from '../db/directory';
import type { Database } from '../db/schema';

export interface CycleChoice {
  kind: CycleKind;
  county: string;
  period: string;
}

/** Who joined or left a party's people in the directory since the earlier cycle, by name. */
export interface DirectoryChange {
  party: string;
  joined: string[];
  left: string[];
}

export interface CycleDraft {
  definition: CycleFile;
  /** The parties a reader may tick: the law's for the kind, and any the earlier cycle had. */
  candidates: string[];
  changes: DirectoryChange[];
}

/** The period after an earlier one: the next year, or the council term that follows. */
export function nextPeriod(kind: CycleKind, period: string, reference: ReferenceData): string {
  if (kind !== 'term') return String(Number(period.slice(0, 4)) + 1);
  const terms = [...reference.councilTerms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const at = terms.findIndex((t) => t.period === period);
  return terms[at + 1]?.period ?? period;
}

export async function draftFromTemplate(
  db: Kysely<Database>,
  { kind, county, period }: CycleChoice,
  reference: ReferenceData,
): Promise<CycleDraft> {
  const template = TEMPLATES[kind];
  const parties = defaultParties(kind, county, reference);
  const { secretariat, participants } = await directoryPeople(db, county, parties);
  const definition: CycleFile = {
    kind,
    county,
    period,
    ...(secretariat ? { secretariat } : {}),
    agenda: template.agenda,
    schedule: template.schedule,
    answersVisible: 'after-phase',
    parties,
    participants,
  } as CycleFile;
  return { definition, candidates: parties, changes: [] };
}

export async function draftFromEarlier(
  db: Kysely<Database>,
  earlier: CycleInput,
  period: string,
  reference: ReferenceData,
): Promise<CycleDraft> {
  const { kind, countyCode: county } = earlier;
  const countyName = reference.counties.get(county)?.name.fi ?? county;
  const ownTitle = earlier.title !== TEMPLATES[kind].title(countyName, earlier.period);
  const organisations = earlier.parties.filter((p) => p.kind === 'organisation');
  const parties = earlier.parties.filter((p) => p.kind !== 'organisation');
  const codes = parties.map((p) => p.code);
  const people = (p: CycleInput['parties'][number]) =>
    p.participants.map(({ name, email, role, language }) => ({ name, email, role, language }));
  // A new case has a diary number of its own: the rest of the records settings carry over.
  const { diaryNumber: _diaryNumber, ...records } = earlier.records ?? {};
  const definition = {
    kind,
    county,
    period,
    ...(ownTitle ? { title: earlier.title.replaceAll(earlier.period, period) } : {}),
    ...(kind === 'theme' ? { id: `${earlier.cycleId.replace(/-\d{4}(-\d{4})?$/, '')}-${period}` } : {}),
    secretariat: earlier.secretariat,
    agenda: earlier.agenda,
    schedule: earlier.schedule,
    answersVisible: earlier.answersVisible,
    // The indicators the county follows carry over: next year's goals are compared with the same figures.
    ...(earlier.thlIndicators?.length ? { thlIndicators: earlier.thlIndicators } : {}),
    ...(earlier.records ? { records } : {}),
    parties: codes,
    participants: Object.fromEntries(parties.map((p) => [p.code, people(p)])),
    ...(organisations.length
      ? {
          organisations: organisations.map((o) => ({
            code: o.code,
            name: o.name,
            language: o.language,
            participants: people(o),
          })),
        }
      : {}),
  } as CycleFile;
  const candidates = [...new Set([...defaultParties(kind, county, reference), ...codes])];
  const directory = await directoryPeople(db, county, codes);
  const changes = parties.flatMap((p): DirectoryChange[] => {
    const now = directory.participants[p.code];
    // A party the directory does not list is no news: the copied people stand.
    if (!now) return [];
    const before = new Set(p.participants.map((x) => x.email));
    const after = new Set(now.map((x) => x.email));
    const joined = now.filter((x) => !before.has(x.email)).map((x) => x.name);
    const left = p.participants.filter((x) => !after.has(x.email)).map((x) => x.name);
    return joined.length || left.length ? [{ party: p.code, joined, left }] : [];
  });
  return { definition, candidates, changes };
}
