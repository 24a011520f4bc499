// Who has negotiated: per county and municipality, the §14 term negotiation and each year's §7 negotiation; the
// county's yearly negotiation with the ministries (611/2021 §13 a); Helsinki's with HUS (612/2021 §6(5)); theme
// negotiations, counted apart; and the tasks now overdue — derived from the results in Postgres only. A negotiation
// that has not started says why when its schedule's last run could not start it.
import { sql, type Kysely } from 'kysely';
import type { CycleKind } from '../core/contracts';
import type { DefinitionProblem } from '../core/domain/definition-problems';
import { latestScheduleRuns } from './schedule-runs';
import type { Database } from './schema';

/** Why a negotiation has not started (or, for a county's term negotiation, why it is partial), as data a page says
 * in its reader's language; `reason` beside it is the same in English for the CSV, the JSON and the CLI. The
 * problems a schedule's last run found are the cycle definition's own sentences. */
export type NotStartedWhy =
  | { kind: 'never-started' }
  | { kind: 'not-a-party'; cycleId: string }
  | { kind: 'schedule-missing'; problems: string[]; issues: DefinitionProblem[] }
  | { kind: 'partial'; tookPart: number; of: number; leftOut: { code: string; name: string }[] };

/** `partial`: the county's own line, when its term negotiation left out some of its municipalities. */
export type TermStatus =
  'not_applicable' | 'not_started' | 'running' | 'negotiated' | 'agreed' | 'not_agreed' | 'partial';
export type AnnualHeld = 'not_applicable' | 'no' | 'running' | 'held';

export interface ComplianceRow {
  countyCode: string;
  countyName: string;
  partyCode: string;
  partyName: string;
  term: {
    period: string;
    status: TermStatus;
    cycleId: string | null;
    startedAt: string | null;
    completedAt: string | null;
    decisionReference: string | null;
    /** Every other cycle of the period this party took part in (a supplementary negotiation), newest first. */
    supplementary: string[];
    /** Why it has not started: what its schedule's last run found missing. */
    reason: string | null;
    why: NotStartedWhy | null;
  };
  annual: {
    year: number;
    held: AnnualHeld;
    answered: boolean | null;
    signedOff: string | null;
    cycleId: string | null;
    supplementary: string[];
    /** Why it has not started: what its schedule's last run found missing. */
    reason: string | null;
    why: NotStartedWhy | null;
  }[];
  /** The county's yearly negotiation with the ministries (§13 a), on its own line; not applicable on others. */
  ministry: YearlyNegotiation[];
  /** Helsinki's yearly negotiation with HUS (§6(5)): on Helsinki's line (091); not applicable to others. */
  hus: YearlyNegotiation[];
  /** Theme negotiations the party took part in, per year: outside the statutory count. */
  themes: { year: number; cycles: string[] }[];
  overdueTasks: number;
}

export interface YearlyNegotiation {
  year: number;
  held: AnnualHeld;
  cycleId: string | null;
  reason: string | null;
  why: NotStartedWhy | null;
}

/** Helsinki (90) organises these services itself: neither §14 nor §7(4) applies to it (§6(5) does). */
const OUTSIDE_COUNTIES = new Set(['90', '91']);
/** The reason in English, for the CSV, the JSON and the CLI. */
function inEnglish(why: NotStartedWhy | null): string | null {
  if (!why) return null;
  switch (why.kind) {
    case 'never-started':
      return 'no cycle has been started for this period, and no schedule has tried to start one';
    case 'not-a-party':
      return `not a party of ${why.cycleId}`;
    case 'schedule-missing':
      return why.problems.join('; ');
    case 'partial':
      return `${why.tookPart} of ${why.of} municipalities took part; not: ${why.leftOut.map((m) => `${m.code} ${m.name}`).join(', ')}`;
  }
}
const explained = (why: NotStartedWhy | null) => ({ reason: inEnglish(why), why });
const HELSINKI_CITY = '091';

export async function complianceReport(
  db: Kysely<Database>,
  options: { term: string; years: number[]; county?: string; on: string },
): Promise<ComplianceRow[]> {
  let countyQuery = db.selectFrom('counties').select(['code', 'name_fi']).where('code', '!=', '91').orderBy('code');
  if (options.county) countyQuery = countyQuery.where('code', '=', options.county);
  const counties = await countyQuery.execute();
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['code', 'name_fi', 'county_code'])
    .where('valid_from', '<=', options.on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', options.on)]))
    .orderBy('code')
    .execute();
  const periods = [options.term, ...options.years.map(String)];
  // The first cycle that was not cancelled, per county, kind and period: the statutory one; any later one of the
  // period is supplementary (started with its reason) and listed beside it.
  const cycles = await db
    .selectFrom('cycles')
    .select(['id', 'kind', 'county_code', 'period', 'status', 'started_at', 'completed_at'])
    .where('period', 'in', periods)
    .where('status', '!=', 'cancelled')
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  const cycleOf = (county: string, kind: string, period: string) =>
    cycles.find((c) => c.county_code === county && c.kind === kind && c.period === period) ?? null;
  /** The cycles of a period other than the one reported, in which the party took part: none is left unseen. */
  const othersOf = (county: string, kind: string, period: string, party: string, shown: string | null) =>
    cycles
      .filter((c) => c.county_code === county && c.kind === kind && c.period === period && c.id !== shown)
      .filter((c) => parties.some((p) => p.cycle_id === c.id && p.code === party))
      .map((c) => c.id);
  const cycleIds = cycles.map((c) => c.id);
  const parties = cycleIds.length
    ? await db
        .selectFrom('parties')
        .select(['cycle_id', 'code', 'position'])
        .where('cycle_id', 'in', cycleIds)
        .execute()
    : [];
  const decisions = cycleIds.length
    ? await db
        .selectFrom('signoffs')
        .innerJoin('tasks', 'tasks.id', 'signoffs.task_id')
        .select(['tasks.cycle_id', 'tasks.party_code', 'signoffs.decision_reference'])
        .where('tasks.cycle_id', 'in', cycleIds)
        .execute()
    : [];
  const answered = cycleIds.length
    ? await db
        .selectFrom('responses')
        .innerJoin('tasks', 'tasks.id', 'responses.task_id')
        .select(['tasks.cycle_id', 'tasks.party_code'])
        .distinct()
        .where('tasks.cycle_id', 'in', cycleIds)
        .execute()
    : [];
  const runs = [...(await latestScheduleRuns(db)).values()];
  /** What the last run of the county's schedule of this kind found missing, if it was for this period. */
  const reasonFor = (county: string, kind: CycleKind, period: string): NotStartedWhy | null => {
    const run = runs.find((r) => r.countyCode === county && r.kind === kind);
    return run?.outcome === 'missing' && (run.period === period || run.period === '')
      ? { kind: 'schedule-missing', problems: run.missing, issues: run.problems }
      : null;
  };
  const yearly = (county: string, kind: CycleKind, party: string, year: number): YearlyNegotiation => {
    const cycle = cycleOf(county, kind, String(year));
    const inCycle = cycle && parties.some((p) => p.cycle_id === cycle.id && p.code === party);
    if (!cycle || !inCycle)
      return { year, held: 'no', cycleId: null, ...explained(reasonFor(county, kind, String(year))) };
    return { year, held: cycle.status === 'running' ? 'running' : 'held', cycleId: cycle.id, ...explained(null) };
  };
  const notApplicable = (year: number): YearlyNegotiation => ({
    year,
    held: 'not_applicable',
    cycleId: null,
    ...explained(null),
  });
  const overdue = await db
    .selectFrom('tasks')
    .innerJoin('cycles', 'cycles.id', 'tasks.cycle_id')
    .select(['tasks.party_code', 'cycles.county_code', sql<number>`count(*)::int`.as('n')])
    .where('tasks.status', '=', 'overdue')
    .where('cycles.status', '=', 'running')
    .groupBy(['tasks.party_code', 'cycles.county_code'])
    .execute();

  const rows: ComplianceRow[] = [];
  for (const county of counties) {
    const outside = OUTSIDE_COUNTIES.has(county.code);
    const members = [
      { code: county.code, name_fi: county.name_fi },
      ...municipalities.filter((m) => m.county_code === county.code),
    ].filter((p) => !(outside && p.code === county.code));
    for (const party of members) {
      const termCycle = outside ? null : cycleOf(county.code, 'term', options.term);
      const termParty = termCycle
        ? parties.find((p) => p.cycle_id === termCycle.id && p.code === party.code)
        : undefined;
      const termStatus: TermStatus = outside
        ? 'not_applicable'
        : !termCycle || !termParty
          ? 'not_started'
          : termCycle.status === 'running'
            ? 'running'
            : termParty.position === 'approved'
              ? 'agreed'
              : termParty.position === 'rejected'
                ? 'not_agreed'
                : 'negotiated';
      // The county negotiates with every municipality in it: a term cycle that left some out is not the county's
      // whole negotiation, whatever the county itself decided.
      const municipalitiesOfCounty = members.filter((m) => m.code !== county.code);
      const leftOut =
        termCycle && termParty && party.code === county.code
          ? municipalitiesOfCounty.filter((m) => !parties.some((p) => p.cycle_id === termCycle.id && p.code === m.code))
          : [];
      const coverage: NotStartedWhy | null = leftOut.length
        ? {
            kind: 'partial',
            tookPart: municipalitiesOfCounty.length - leftOut.length,
            of: municipalitiesOfCounty.length,
            leftOut: leftOut.map((m) => ({ code: m.code, name: m.name_fi })),
          }
        : null;
      const notStarted = (kind: CycleKind, period: string, cycleId: string | undefined): NotStartedWhy =>
        reasonFor(county.code, kind, period) ??
        (cycleId ? { kind: 'not-a-party', cycleId } : { kind: 'never-started' });
      rows.push({
        countyCode: county.code,
        countyName: county.name_fi,
        partyCode: party.code,
        partyName: party.name_fi,
        term: {
          period: options.term,
          status: coverage ? 'partial' : termStatus,
          cycleId: termParty ? termCycle!.id : null,
          startedAt: termParty ? termCycle!.started_at.toISOString() : null,
          completedAt: termParty ? (termCycle!.completed_at?.toISOString() ?? null) : null,
          decisionReference: termParty
            ? (decisions.find((d) => d.cycle_id === termCycle!.id && d.party_code === party.code)?.decision_reference ??
              null)
            : null,
          supplementary: outside ? [] : othersOf(county.code, 'term', options.term, party.code, termCycle?.id ?? null),
          ...explained(termStatus === 'not_started' ? notStarted('term', options.term, termCycle?.id) : coverage),
        },
        ministry: options.years.map((year) =>
          !outside && party.code === county.code
            ? yearly(county.code, 'ministry', party.code, year)
            : notApplicable(year),
        ),
        hus: options.years.map((year) =>
          party.code === HELSINKI_CITY ? yearly(county.code, 'hus', party.code, year) : notApplicable(year),
        ),
        themes: options.years.map((year) => ({
          year,
          cycles: cycles
            .filter((c) => c.kind === 'theme' && c.period === String(year))
            .filter((c) => parties.some((p) => p.cycle_id === c.id && p.code === party.code))
            .map((c) => c.id),
        })),
        annual: options.years.map((year) => {
          if (outside)
            return {
              year,
              held: 'not_applicable' as const,
              answered: null,
              signedOff: null,
              cycleId: null,
              supplementary: [],
              ...explained(null),
            };
          const cycle = cycleOf(county.code, 'annual', String(year));
          const inCycle = cycle ? parties.find((p) => p.cycle_id === cycle.id && p.code === party.code) : undefined;
          const supplementary = othersOf(county.code, 'annual', String(year), party.code, cycle?.id ?? null);
          if (!cycle || !inCycle)
            return {
              year,
              held: 'no' as const,
              answered: null,
              signedOff: null,
              cycleId: null,
              supplementary,
              ...explained(notStarted('annual', String(year), cycle?.id)),
            };
          return {
            year,
            held: cycle.status === 'running' ? ('running' as const) : ('held' as const),
            answered: answered.some((a) => a.cycle_id === cycle.id && a.party_code === party.code),
            signedOff: inCycle.position,
            cycleId: cycle.id,
            supplementary,
            ...explained(null),
          };
        }),
        overdueTasks: overdue.find((o) => o.party_code === party.code && o.county_code === county.code)?.n ?? 0,
      });
    }
  }
  return rows;
}

/** One line per party; the same facts as the JSON, flattened. */
export function complianceCsv(rows: ComplianceRow[], years: number[]): string {
  const header = [
    'county_code',
    'county',
    'party_code',
    'party',
    'term',
    'term_status',
    'term_cycle',
    'term_started',
    'term_completed',
    'term_decision',
    'term_supplementary',
    'term_not_started_because',
    ...years.flatMap((y) => [
      `annual_${y}_held`,
      `annual_${y}_answered`,
      `annual_${y}_signed_off`,
      `annual_${y}_supplementary`,
      `annual_${y}_not_started_because`,
      `ministry_${y}_held`,
      `ministry_${y}_cycle`,
      `ministry_${y}_not_started_because`,
      `hus_${y}_held`,
      `hus_${y}_cycle`,
      `hus_${y}_not_started_because`,
      `themes_${y}`,
    ]),
    'overdue_tasks',
  ];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.map((r) =>
    [
      r.countyCode,
      r.countyName,
      r.partyCode,
      r.partyName,
      r.term.period,
      r.term.status,
      r.term.cycleId,
      r.term.startedAt,
      r.term.completedAt,
      r.term.decisionReference,
      r.term.supplementary.join(' '),
      r.term.reason,
      ...r.annual.flatMap((a, i) => [
        a.held,
        a.answered,
        a.signedOff,
        a.supplementary.join(' '),
        a.reason,
        r.ministry[i]!.held,
        r.ministry[i]!.cycleId,
        r.ministry[i]!.reason,
        r.hus[i]!.held,
        r.hus[i]!.cycleId,
        r.hus[i]!.reason,
        r.themes[i]!.cycles.join(' '),
      ]),
      r.overdueTasks,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** One line per party; a year's cell adds the ministries' (§13 a) or HUS (§6(5)) negotiation where it applies and
 * the theme negotiations; why a negotiation has not started goes on the lines below its party. */
/** The term column fits its longest status (`not_applicable`) and a space, so no two columns run together. */
const TERM_WIDTH = 18;

export function complianceTable(rows: ComplianceRow[], years: number[]): string {
  const head = `${'county'.padEnd(7)}${'party'.padEnd(28)}${'term'.padEnd(TERM_WIDTH)}${years.map((y) => `${y}`.padEnd(44)).join('')}overdue`;
  const lines = rows.flatMap((r) => {
    const cells = r.annual.map((a, i) => {
      const annual =
        `${a.held}${a.answered === null ? '' : a.answered ? ', answered' : ', no answer'}${a.signedOff ? `, ${a.signedOff}` : ''}${a.supplementary.length ? ` +${a.supplementary.length}` : ''}`.slice(
          0,
          25,
        );
      const ministry = r.ministry[i]!.held === 'not_applicable' ? '' : ` §13a ${r.ministry[i]!.held}`;
      const hus = r.hus[i]!.held === 'not_applicable' ? '' : ` HUS ${r.hus[i]!.held}`;
      const themes = r.themes[i]!.cycles.length ? ` theme ${r.themes[i]!.cycles.length}` : '';
      return `${`${annual}${ministry}${hus}${themes}`.slice(0, 43)} `.padEnd(44);
    });
    // Once per county (on its own line, or Helsinki's), not on every municipality's.
    const own = r.partyCode === r.countyCode || r.partyCode === HELSINKI_CITY;
    const why = [
      r.term.reason && `term: ${r.term.reason}`,
      ...r.annual.map((a) => a.reason && `${a.year}: ${a.reason}`),
      ...r.ministry.map((m) => m.reason && `${m.year} §13 a: ${m.reason}`),
      ...r.hus.map((h) => h.reason && `${h.year} HUS: ${h.reason}`),
    ].filter((line): line is string => own && Boolean(line));
    return [
      `${r.countyCode.padEnd(7)}${`${r.partyCode} ${r.partyName}`.slice(0, 27).padEnd(28)}${`${r.term.status}${r.term.supplementary.length ? ` +${r.term.supplementary.length}` : ''} `.padEnd(TERM_WIDTH)}${cells.join('')}${r.overdueTasks || ''}`,
      ...why.map((line) => `${' '.repeat(7)}not started — ${line}`),
    ];
  });
  return [head, ...lines].join('\n');
}
