// The negotiations besides §14 and §7, driven to the end on the dev server as secretariats drive them: Helsinki's
// yearly one with HUS (612/2021 §6(5)), the ministries' yearly one with a county (611/2021 §13 a), and a theme
// negotiation; the compliance report then shows each on its own line, the theme apart from the statutory count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCycleInput, type ValidCycle } from '../../core/domain/cycle-definition';
import { complianceCsv, complianceReport } from '../../db/compliance';
import { control, partyAction, startCycle } from '../../client/cycles';
import { checkCycle } from '../../client/cycle-file';
import { publishDraftUpdate, startSignOffUpdate } from '../../workflows/cycle/messages';
import { signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { cycleWorkflowId, type CycleResult } from '../../core/contracts';
import { NO_MEETING, allHaveTask, contactAndSignatory, waitForCycle } from '../support/cycle-driver';
import { storedDraft } from '../support/drafts';
import { waitFor } from '../../worker/dev/processes';
import { shippedReference } from '../support/reference';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

let smtp: SmtpSink;
let env: TestWorker;
// Next year's: this year's Helsinki–HUS line is the calendar test's (a failed scheduled start).
const year = new Date().getFullYear() + 1;
const tag = Date.now();
const by = 'sihteeristo@example.fi';

const define = (definition: Record<string, unknown>): ValidCycle =>
  toCycleInput(
    { period: String(year), secretariat: { name: 'Sihteeristö', email: by }, ...definition },
    new Date(),
    shippedReference(),
  );

/** Preparation, one round, sign-off without a meeting: every party answers and approves. */
async function driveToTheEnd(valid: ValidCycle): Promise<CycleResult> {
  const { cycleId, parties } = valid.input;
  const email = (code: string, role: 'contact' | 'signatory') =>
    parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;
  await startCycle(env.client, valid, env.taskQueue);
  const answerAll = async (phaseKey: string) => {
    const status = await waitForCycle(env.client, cycleId, allHaveTask(phaseKey), phaseKey);
    for (const party of status.parties)
      await partyAction(env.client, cycleId, party.code, submitAnswerUpdate, {
        taskId: party.tasks[phaseKey]!.taskId,
        participantEmail: email(party.code, 'contact'),
        text: `${party.name}: näkemyksemme`,
      });
    // As the secretariat's page shows it: every answer is in before the next control.
    await waitForCycle(
      env.client,
      cycleId,
      (s) => s.parties.every((p) => p.tasks[phaseKey]?.status === 'answered'),
      `${phaseKey} answered`,
    );
  };
  await answerAll('preparation');
  await control(env.client, cycleId, publishDraftUpdate, {
    by,
    title: 'Luonnos',
    file: await storedDraft(env.db, `# ${valid.input.title}\n\nYhteinen luonnos.`),
  });
  await answerAll('round-1');
  const { document } = await control(env.client, cycleId, startSignOffUpdate, {
    by,
    confirm: true,
    noMeetingReason: NO_MEETING,
  });
  const status = await waitForCycle(env.client, cycleId, allHaveTask('signoff'), 'sign-off');
  for (const party of status.parties)
    await partyAction(env.client, cycleId, party.code, signOffUpdate, {
      taskId: party.tasks.signoff!.taskId,
      participantEmail: email(party.code, 'signatory'),
      decision: 'approved',
      decisionReference: `Päätös ${party.code} 1/${year}`,
      documentSha256: document!.sha256,
    });
  const result = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
  // Completed in the tables too (the compliance report reads them), not only in the workflow.
  await waitFor(
    async () => {
      const row = await env.db
        .selectFrom('cycles')
        .select('status')
        .where('id', '=', cycleId)
        .executeTakeFirstOrThrow();
      if (row.status !== 'completed') throw new Error(`cycle ${row.status}`);
    },
    { timeoutMs: 10_000, what: `${cycleId} completed` },
  );
  return result;
}

const hus = define({
  id: `hus-90-${year}-it-${tag}`,
  kind: 'hus',
  county: '90',
  participants: {
    '091': contactAndSignatory('hel.example.fi'),
    hus: contactAndSignatory('hus.example.fi'),
  },
});
const ministry = define({
  id: `ministry-08-${year}-it-${tag}`,
  kind: 'ministry',
  county: '08',
  participants: {
    '08': contactAndSignatory('pirkanmaa.example.fi'),
    vm: contactAndSignatory('vm.example.fi'),
    stm: contactAndSignatory('stm.example.fi'),
    sm: contactAndSignatory('intermin.example.fi'),
  },
});
const themeDefinition = {
  id: `theme-08-${year}-it-${tag}`,
  kind: 'theme',
  county: '08',
  title: 'Savuton Pirkanmaa',
  agenda: ['Savuttomat kunnat', { fi: 'Asuminen', sv: 'Boende', en: 'Housing' }],
  parties: ['08', '837'],
  participants: {
    '08': contactAndSignatory('pirkanmaa.example.fi'),
    '837': contactAndSignatory('tampere.example.fi'),
  },
};
const theme = define(themeDefinition);

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 3600 });
});

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

describe('a Helsinki–HUS negotiation (612/2021 §6(5))', () => {
  it('is the City of Helsinki and the HUS group on the health and wellbeing agenda', () => {
    expect(hus.input.parties.map((p) => [p.code, p.kind, p.name])).toEqual([
      ['091', 'municipality', 'Helsinki'],
      ['hus', 'organisation', 'HUS-yhtymä'],
    ]);
    expect(hus.input.agenda).toEqual(['hyte-goals', 'hyte-measures', 'hyte-cooperation', 'hyte-follow-up']);
    expect(hus.input.title).toBe(`Helsingin kaupunki ja HUS: hyvinvoinnin ja terveyden edistämisen neuvottelu ${year}`);
  });

  it('runs to completion, agreed by both', async () => {
    expect(await driveToTheEnd(hus)).toMatchObject({ outcome: 'agreed_by_all', cancelled: false });
  });
});

describe("the ministries' negotiation with a county (611/2021 §13 a)", () => {
  it('is the county and the three ministries, on the §13 a agenda', () => {
    expect(ministry.input.parties.map((p) => [p.code, p.kind])).toEqual([
      ['08', 'county'],
      ['vm', 'ministry'],
      ['stm', 'ministry'],
      ['sm', 'ministry'],
    ]);
    expect(ministry.input.agenda).toContain('recommendations');
  });

  it('runs to completion, agreed by all four', async () => {
    expect(await driveToTheEnd(ministry)).toMatchObject({ outcome: 'agreed_by_all', cancelled: false });
    const positions = await env.db
      .selectFrom('parties')
      .select(['code', 'position'])
      .where('cycle_id', '=', ministry.input.cycleId)
      .orderBy('code')
      .execute();
    expect(positions).toEqual([
      { code: '08', position: 'approved' },
      { code: 'sm', position: 'approved' },
      { code: 'stm', position: 'approved' },
      { code: 'vm', position: 'approved' },
    ]);
  });
});

describe('the compliance report', () => {
  it('shows Helsinki–HUS on Helsinki, the ministries on the county, and theme negotiations apart', async () => {
    await startCycle(env.client, theme, env.taskQueue);
    await waitForCycle(env.client, theme.input.cycleId, allHaveTask('preparation'), 'theme preparation');
    // A second theme the same year needs no supplementary reason: themes are outside the statutory count.
    const second = { ...themeDefinition, id: `${themeDefinition.id}-asuminen`, title: 'Asuminen' };
    expect(
      (await checkCycle(env.db, { ...second, period: String(year), secretariat: { name: 'S', email: by } })).input
        .cycleId,
    ).toBe(second.id);
    const rows = await complianceReport(env.db, {
      term: '2025-2029',
      years: [year],
      on: new Date().toISOString().slice(0, 10),
    });
    const row = (code: string) => rows.find((r) => r.partyCode === code)!;
    expect(row('091').hus[0]).toMatchObject({ held: 'held', cycleId: expect.stringMatching(/^hus-90-/) });
    expect(row('091').annual[0]!.held).toBe('not_applicable');
    expect(row('08').ministry[0]).toMatchObject({ held: 'held', cycleId: expect.stringMatching(/^ministry-08-/) });
    expect(row('837').ministry[0]!.held).toBe('not_applicable');
    expect(row('837').hus[0]!.held).toBe('not_applicable');
    expect(row('837').themes[0]!.cycles).toContain(theme.input.cycleId);
    expect(row('08').themes[0]!.cycles).toContain(theme.input.cycleId);
    // Not counted as the statutory annual negotiation of the county.
    expect(row('536').themes[0]!.cycles).toEqual([]);
    expect(row('08').annual[0]!.cycleId).not.toBe(theme.input.cycleId);
    const csv = complianceCsv(rows, [year]);
    expect(csv.split('\n')[0]).toContain(`ministry_${year}_held,ministry_${year}_cycle`);
    expect(csv).toContain(theme.input.cycleId);
    await env.client.workflow.getHandle(cycleWorkflowId(theme.input.cycleId)).terminate('test finished');
  });
});

describe('definitions the law does not allow', () => {
  const problems = (definition: Record<string, unknown>) => {
    try {
      define(definition);
    } catch (err) {
      return (err as { problems?: string[] }).problems ?? [String(err)];
    }
    return [];
  };
  const people = { '08': contactAndSignatory('p.fi'), vm: contactAndSignatory('vm.fi') };

  it('refuse a municipality in a ministry negotiation, a ministry elsewhere, and a theme without its theme', () => {
    expect(problems({ kind: 'ministry', county: '08', parties: ['08', 'vm', '837'], participants: people })).toContain(
      'parties[2]: a ministry negotiation is between the ministries and the county 08, not 837',
    );
    expect(problems({ kind: 'annual', county: '08', parties: ['08', 'vm'], participants: people })).toContain(
      'parties[1]: Ministry of Finance (vm) is a party of ministry negotiations only',
    );
    expect(problems({ kind: 'theme', county: '08', parties: ['08'], participants: people })).toEqual(
      expect.arrayContaining([
        'agenda: a theme negotiation names its theme: give the agenda (e.g. Savuton kunta)',
        'id: a county holds many theme negotiations a year: give each its own id (e.g. theme-08-2027-savuton)',
      ]),
    );
  });

  it('keep Helsinki to its negotiation with HUS, and HUS negotiations to Helsinki', () => {
    const helsinkiAnnual = problems({ kind: 'annual', county: '90', participants: {} });
    expect(helsinkiAnnual[0]).toMatch(
      /City of Helsinki is not part of a wellbeing services county; its yearly negotiation is with HUS/,
    );
    // Not also blamed for a county party the file never listed.
    expect(helsinkiAnnual.join('\n')).not.toContain('takes part as the city');
    expect(problems({ kind: 'hus', county: '08', participants: {} })).toContain(
      `county: a hus negotiation is the City of Helsinki's with HUS: its county is "90", not "08"`,
    );
  });
});
