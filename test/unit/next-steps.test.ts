// What needs doing now, read from a cycle's state: overdue parties, answers, mail, what falls due soon and the next
// step with its control.
import { describe, expect, it } from 'vitest';
import type { CycleStatus, TaskReport } from '../../core/contracts';
import { todosOf } from '../../client/next-steps';

const task = (status: TaskReport['status']): TaskReport => ({
  partyCode: '',
  taskId: '',
  phaseKey: 'preparation',
  kind: 'input',
  status,
  late: false,
  decision: null,
  seq: 1,
  closed: false,
});

const deadline = (nominal: string) => ({
  at: nominal,
  nominal,
  version: 1,
  reminders: [],
  closesAt: { at: nominal, nominal },
});

function cycle(overrides: Partial<CycleStatus>): CycleStatus {
  return {
    cycleId: 'annual-04-2027',
    kind: 'annual',
    title: 'T',
    secretariat: { name: 'S', email: 's@x.fi' },
    phase: 'preparation',
    openPhaseKey: 'preparation',
    round: 0,
    deadlines: { preparation: deadline('2027-01-14T14:00:00.000Z') },
    documents: [],
    meeting: null,
    minutesRecorded: false,
    finalDocument: null,
    parties: [
      {
        code: '04',
        name: 'Alue',
        kind: 'county',
        workflowId: '',
        tasks: { preparation: task('answered') },
        finished: false,
      },
      {
        code: '092',
        name: 'Vantaa',
        kind: 'municipality',
        workflowId: '',
        tasks: { preparation: task('overdue') },
        finished: false,
      },
      {
        code: '245',
        name: 'Kerava',
        kind: 'municipality',
        workflowId: '',
        tasks: { preparation: task('open') },
        finished: false,
      },
    ],
    outcome: null,
    cancelReason: null,
    mailFailures: [],
    ...overrides,
  };
}

describe('what needs doing now', () => {
  it('names the overdue, counts the answers and mail, and says a deadline within five working days', () => {
    // Monday 11 January 2027: the Thursday deadline is three working days away.
    const todos = todosOf(cycle({}), 2, new Date('2027-01-11T08:00:00Z'));
    expect(todos).toEqual([
      { key: 'overdue', parties: ['Vantaa'] },
      { key: 'waiting', phaseKey: 'preparation', answered: 1, of: 3 },
      { key: 'undelivered', count: 2 },
      { key: 'deadline', phaseKey: 'preparation', at: '2027-01-14T14:00:00.000Z' },
      { key: 'next', step: 'awaitAnswers', control: null },
    ]);
  });

  it("says which of the secretariat's requests Temporal has not confirmed yet, by its request id", () => {
    const todos = todosOf(cycle({}), 0, new Date('2027-01-11T08:00:00Z'), [
      { control: 'extendDeadline', requestId: 'extend:1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
    ]);
    expect(todos).toContainEqual({
      key: 'notConfirmed',
      control: 'extendDeadline',
      requestId: 'extend:1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    });
  });

  it('leaves out a deadline further than five working days (a holiday week counts as none)', () => {
    const todos = todosOf(cycle({}), 0, new Date('2026-12-28T08:00:00Z'));
    expect(todos.map((t) => t.key)).not.toContain('deadline');
  });

  it('gives the next step with its control through the phases', () => {
    const now = new Date('2027-03-01T08:00:00Z');
    const answered = cycle({}).parties.map((p) => ({ ...p, tasks: { preparation: task('answered') } }));
    const next = (overrides: Partial<CycleStatus>) => todosOf(cycle(overrides), 0, now).at(-1);
    expect(next({ parties: answered })).toEqual({ key: 'next', step: 'closePhase', control: 'closePhase' });
    expect(next({ openPhaseKey: null, phase: 'consultation' })).toEqual({
      key: 'next',
      step: 'publishDraft',
      control: 'publishDraft',
    });
    const meeting = { startsAt: '2027-02-20T10:00:00.000Z', version: 1 } as CycleStatus['meeting'];
    const draft = [{ version: 1, title: 'L', sha256: 'a', file: null }] as unknown as CycleStatus['documents'];
    expect(next({ openPhaseKey: null, phase: 'consultation', documents: draft })).toMatchObject({
      step: 'scheduleMeeting',
    });
    expect(next({ openPhaseKey: null, phase: 'meeting', documents: draft, meeting })).toEqual({
      key: 'next',
      step: 'recordMinutes',
      control: 'recordMinutes',
    });
    expect(
      next({ openPhaseKey: null, phase: 'meeting', documents: draft, meeting, minutesRecorded: true }),
    ).toMatchObject({
      step: 'startSignOff',
    });
    expect(todosOf(cycle({ phase: 'completed' }), 3, now)).toEqual([]);
  });
});
