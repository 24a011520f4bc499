// The compliance report over seeded results: two counties (ones no other test uses), two years, Helsinki, and a
// municipality that never answered.
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { complianceCsv, complianceReport, type ComplianceRow } from '../../db/compliance';
import { connectDb } from '../../db/connect';
import type { Database } from '../../db/schema';
import type { CycleKind, Decision, Position } from '../../core/contracts';

let db: Kysely<Database>;
const tag = Date.now();
const years = [2026, 2027];

async function seedCycle(
  kind: CycleKind,
  county: string,
  period: string,
  status: 'running' | 'completed',
  parties: Record<string, { position?: Position; answered?: boolean; decisionReference?: string; overdue?: boolean }>,
  suffix = '',
) {
  const id = `${kind}-${county}-${period}-seed-${tag}${suffix}`;
  await db
    .insertInto('cycles')
    .values({
      id,
      kind,
      county_code: county,
      title: id,
      period,
      secretariat_email: 's@x.fi',
      definition: '{}',
      workflow_id: `wf/${id}`,
      run_id: 'r',
      status,
      started_at: `${period.slice(0, 4)}-09-01T06:00:00Z`,
      completed_at: status === 'completed' ? `${period.slice(0, 4)}-12-01T12:00:00Z` : null,
    })
    .execute();
  for (const [code, p] of Object.entries(parties)) {
    await db
      .insertInto('parties')
      .values({
        cycle_id: id,
        code,
        kind: code.length === 2 ? 'county' : 'municipality',
        name: code,
        language: 'fi',
        workflow_id: `wf/${id}/${code}`,
        position: p.position ?? null,
      })
      .execute();
    const participant = await db
      .insertInto('participants')
      .values({ cycle_id: id, party_code: code, name: 'X', email: `x@${code}.fi`, role: 'signatory', language: 'fi' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const at = new Date();
    await db
      .insertInto('tasks')
      .values({
        id: `${id}/${code}/preparation`,
        cycle_id: id,
        party_code: code,
        kind: 'input',
        phase_key: 'preparation',
        status: p.overdue ? 'overdue' : p.answered ? 'answered' : 'no_response',
        deadline: at,
        nominal_deadline: at,
        opened_at: at,
      })
      .execute();
    if (p.answered)
      await db
        .insertInto('responses')
        .values({
          task_id: `${id}/${code}/preparation`,
          participant_id: participant.id,
          body: 'x',
          late: false,
          update_id: `${id}/${code}/u`,
          received_at: at,
        })
        .execute();
    if (p.decisionReference) {
      await db
        .insertInto('tasks')
        .values({
          id: `${id}/${code}/signoff`,
          cycle_id: id,
          party_code: code,
          kind: 'signoff',
          phase_key: 'signoff',
          status: 'answered',
          deadline: at,
          nominal_deadline: at,
          opened_at: at,
        })
        .execute();
      await db
        .insertInto('signoffs')
        .values({
          task_id: `${id}/${code}/signoff`,
          participant_id: participant.id,
          decision: p.position as Decision,
          decision_reference: p.decisionReference,
          update_id: `${id}/${code}/s`,
          signed_at: at,
        })
        .execute();
    }
  }
}

beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), 2);
  // Satakunta (06): a completed term cycle, a completed 2026 annual cycle and a running 2027 one.
  await seedCycle('term', '06', '2025-2029', 'completed', {
    '06': { position: 'approved', answered: true, decisionReference: 'Aluehallitus 1.12.2025 § 200' },
    '609': { position: 'approved', answered: true, decisionReference: 'Kaupunginhallitus 2.12.2025 § 45' },
    '684': { position: 'rejected', answered: true },
    '230': { position: 'no_response' },
  });
  await seedCycle('annual', '06', '2026', 'completed', {
    '06': { position: 'approved', answered: true },
    '609': { position: 'approved', answered: true },
    '230': { position: 'no_response' },
  });
  await seedCycle('annual', '06', '2027', 'running', { '06': { answered: true }, '609': { overdue: true }, '230': {} });
  // Päijät-Häme (09): only the 2026 annual cycle.
  await seedCycle('annual', '09', '2026', 'completed', {
    '09': { position: 'approved', answered: true },
    '398': { position: 'approved', answered: true },
  });
  // …and a supplementary one the same year, with one municipality.
  await seedCycle('annual', '09', '2026', 'running', { '398': { answered: true } }, '-supplementary');
});

afterAll(async () => {
  await db?.destroy();
});

describe('compliance report', () => {
  let rows: ComplianceRow[];
  const row = (code: string) => rows.find((r) => r.partyCode === code)!;

  beforeAll(async () => {
    rows = (await complianceReport(db, { term: '2025-2029', years, on: '2026-11-25' })).filter((r) =>
      ['06', '09', '90'].includes(r.countyCode),
    );
  });

  it('lists the county and every municipality of each county, and Helsinki apart', () => {
    expect(rows.filter((r) => r.countyCode === '06')).toHaveLength(17);
    expect(rows.filter((r) => r.countyCode === '09')).toHaveLength(11);
    expect(row('091')).toMatchObject({
      countyCode: '90',
      term: { status: 'not_applicable' },
      annual: [{ held: 'not_applicable' }, { held: 'not_applicable' }],
    });
  });

  it('shows the term negotiation per party with dates and decision references', () => {
    expect(row('609').term).toMatchObject({
      status: 'agreed',
      decisionReference: 'Kaupunginhallitus 2.12.2025 § 45',
      completedAt: '2025-12-01T12:00:00.000Z',
    });
    expect(row('684').term.status).toBe('not_agreed');
    expect(row('230').term.status).toBe('negotiated');
    expect(row('050').term.status).toBe('not_started'); // Eura was left out of the seeded cycle
    expect(row('398').term.status).toBe('not_started');
  });

  it('says why a party has no negotiation, and never calls a county agreed that left municipalities out', () => {
    // Satakunta's seeded term cycle has three of its municipalities (Eura left out among others): the county's own
    // line says so, whatever the county decided.
    expect(row('06').term).toMatchObject({
      status: 'partial',
      reason: expect.stringMatching(/^3 of 16 municipalities took part; not: 050 Eura, 051 Eurajoki, .*886 Ulvila$/),
    });
    expect(row('050').term.reason).toMatch(/^not a party of term-06-/);
    // Päijät-Häme has no term cycle and no schedule has tried to start one.
    expect(row('398').term.reason).toBe(
      'no cycle has been started for this period, and no schedule has tried to start one',
    );
    // The same, as data a page words in its reader's language.
    expect(row('06').term.why).toMatchObject({ kind: 'partial', tookPart: 3, of: 16 });
    expect(row('06').term.why).toMatchObject({ leftOut: expect.arrayContaining([{ code: '050', name: 'Eura' }]) });
    expect(row('050').term.why).toEqual({ kind: 'not-a-party', cycleId: expect.stringMatching(/^term-06-/) });
    expect(row('398').term.why).toEqual({ kind: 'never-started' });
  });

  it("shows each year's annual negotiation: held, answered, signed off; and overdue tasks", () => {
    expect(row('609').annual).toEqual([
      {
        year: 2026,
        held: 'held',
        answered: true,
        signedOff: 'approved',
        cycleId: expect.stringContaining('annual-06-2026'),
        supplementary: [],
        reason: null,
        why: null,
      },
      {
        year: 2027,
        held: 'running',
        answered: false,
        signedOff: null,
        cycleId: expect.stringContaining('annual-06-2027'),
        supplementary: [],
        reason: null,
        why: null,
      },
    ]);
    expect(row('230').annual.map((a) => [a.held, a.answered, a.signedOff])).toEqual([
      ['held', false, 'no_response'],
      ['running', false, null],
    ]);
    expect(row('609').overdueTasks).toBe(1);
    expect(row('398').annual.map((a) => a.held)).toEqual(['held', 'no']);
  });

  it('lists every cycle of a period: the supplementary one as well as the one reported', () => {
    const [year2026] = row('398').annual;
    const all = [year2026!.cycleId!, ...year2026!.supplementary].sort();
    expect(all).toEqual([
      expect.stringMatching(/^annual-09-2026-seed-\d+$/),
      expect.stringMatching(/^annual-09-2026-seed-\d+-supplementary$/),
    ]);
    // The county took part in one of them only: the other is not its to show.
    expect(row('09').annual[0]!.supplementary).toEqual([]);
  });

  it('gives CSV and JSON that parse and agree', () => {
    const json = JSON.parse(JSON.stringify(rows)) as ComplianceRow[];
    const csv = parse(complianceCsv(rows, years), { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(json.length);
    csv.forEach((line, i) => {
      const r = json[i]!;
      expect([
        line.party_code,
        line.term_status,
        line.term_decision,
        line.annual_2026_held,
        line.annual_2026_answered,
        line.annual_2027_signed_off,
        line.overdue_tasks,
      ]).toEqual([
        r.partyCode,
        r.term.status,
        r.term.decisionReference ?? '',
        r.annual[0]!.held,
        r.annual[0]!.answered === null ? '' : String(r.annual[0]!.answered),
        r.annual[1]!.signedOff ?? '',
        String(r.overdueTasks),
      ]);
    });
  });
});
