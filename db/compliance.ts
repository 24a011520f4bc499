// Who has negotiated: per county and municipality, the §14 term negotiation and each year's §7 negotiation, and the
// tasks now overdue — derived from the results in Postgres only.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export type TermStatus = 'not_applicable' | 'not_started' | 'running' | 'negotiated' | 'agreed' | 'not_agreed';
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
  };
  annual: {
    year: number;
    held: AnnualHeld;
    answered: boolean | null;
    signedOff: string | null;
    cycleId: string | null;
    supplementary: string[];
  }[];
  overdueTasks: number;
}

/** Helsinki (90) organises these services itself: neither §14 nor §7(4) applies to it. */
const OUTSIDE_COUNTIES = new Set(['90', '91']);

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
      rows.push({
        countyCode: county.code,
        countyName: county.name_fi,
        partyCode: party.code,
        partyName: party.name_fi,
        term: {
          period: options.term,
          status: termStatus,
          cycleId: termParty ? termCycle!.id : null,
          startedAt: termParty ? termCycle!.started_at.toISOString() : null,
          completedAt: termParty ? (termCycle!.completed_at?.toISOString() ?? null) : null,
          decisionReference: termParty
            ? (decisions.find((d) => d.cycle_id === termCycle!.id && d.party_code === party.code)?.decision_reference ??
              null)
            : null,
          supplementary: outside ? [] : othersOf(county.code, 'term', options.term, party.code, termCycle?.id ?? null),
        },
        annual: options.years.map((year) => {
          if (outside)
            return {
              year,
              held: 'not_applicable' as const,
              answered: null,
              signedOff: null,
              cycleId: null,
              supplementary: [],
            };
          const cycle = cycleOf(county.code, 'annual', String(year));
          const inCycle = cycle ? parties.find((p) => p.cycle_id === cycle.id && p.code === party.code) : undefined;
          const supplementary = othersOf(county.code, 'annual', String(year), party.code, cycle?.id ?? null);
          if (!cycle || !inCycle)
            return { year, held: 'no' as const, answered: null, signedOff: null, cycleId: null, supplementary };
          return {
            year,
            held: cycle.status === 'running' ? ('running' as const) : ('held' as const),
            answered: answered.some((a) => a.cycle_id === cycle.id && a.party_code === party.code),
            signedOff: inCycle.position,
            cycleId: cycle.id,
            supplementary,
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
    ...years.flatMap((y) => [
      `annual_${y}_held`,
      `annual_${y}_answered`,
      `annual_${y}_signed_off`,
      `annual_${y}_supplementary`,
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
      ...r.annual.flatMap((a) => [a.held, a.answered, a.signedOff, a.supplementary.join(' ')]),
      r.overdueTasks,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

export function complianceTable(rows: ComplianceRow[], years: number[]): string {
  const head = `${'county'.padEnd(7)}${'party'.padEnd(28)}${'term'.padEnd(14)}${years.map((y) => `${y}`.padEnd(26)).join('')}overdue`;
  const lines = rows.map(
    (r) =>
      `${r.countyCode.padEnd(7)}${`${r.partyCode} ${r.partyName}`.slice(0, 27).padEnd(28)}${`${r.term.status}${r.term.supplementary.length ? ` +${r.term.supplementary.length}` : ''}`.padEnd(14)}${r.annual
        .map((a) =>
          `${a.held}${a.answered === null ? '' : a.answered ? ', answered' : ', no answer'}${a.signedOff ? `, ${a.signedOff}` : ''}${a.supplementary.length ? ` +${a.supplementary.length}` : ''}`
            .slice(0, 25)
            .padEnd(26),
        )
        .join('')}${r.overdueTasks || ''}`,
  );
  return [head, ...lines].join('\n');
}
