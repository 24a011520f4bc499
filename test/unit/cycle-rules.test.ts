// The rules that say which secretariat control fits which moment of a cycle (CycleState.allow), tested on the state
// class alone: no workflow, no server.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { CycleState, type Control } from '../../workflows/cycle/cycle-state';
import { ErrorType, MAX_ROUNDS, type CycleInput, type TaskReport } from '../../core/contracts';

const input: CycleInput = {
  cycleId: 'rules',
  kind: 'term',
  countyCode: '08',
  title: 'Sääntötesti',
  period: '2025-2029',
  secretariat: { name: 'S', email: 's@example.fi', language: 'fi' },
  agenda: ['cooperation'],
  schedule: { preparationDays: 5, roundDays: 5, signOffDays: 5, lateDays: 2, reminderDays: [1], closingTime: '16:00' },
  parties: ['08', '837'].map((code) => ({
    code,
    kind: code === '08' ? ('county' as const) : ('municipality' as const),
    name: code,
    language: 'fi' as const,
    participants: [{ name: 'A', email: `a@${code}.fi`, role: 'signatory' as const, language: 'fi' as const }],
  })),
};

/** The failure `allow` throws, or null when the control is allowed. */
function refusal(state: CycleState, control: Control): { type: string | null | undefined; message: string } | null {
  try {
    state.allow(control);
    return null;
  } catch (err) {
    if (!(err instanceof ApplicationFailure)) throw err;
    return { type: err.type, message: err.message };
  }
}

const report = (partyCode: string, over: Partial<TaskReport>): TaskReport => ({
  partyCode,
  taskId: `rules/${partyCode}/signoff`,
  phaseKey: 'signoff',
  kind: 'signoff',
  status: 'open',
  late: false,
  decision: null,
  seq: 1,
  closed: false,
  ...over,
});

describe('which control fits the cycle', () => {
  it('refuses a meeting-less sign-off before any draft, and the minutes before a meeting', () => {
    const state = new CycleState(input);
    expect(refusal(state, 'startSignOff')).toEqual({
      type: ErrorType.wrongPhase,
      message: 'startSignOff is not possible before a draft is published',
    });
    expect(refusal(state, 'recordMinutes')?.message).toBe(
      'recordMinutes is not possible before a meeting is scheduled',
    );
    expect(refusal(state, 'publishDraft')).toBeNull();
    expect(refusal(state, 'cancel')).toBeNull();
  });

  it('needs an open phase to close, extend or record on behalf', () => {
    const state = new CycleState(input);
    for (const control of ['closePhase', 'extendDeadline', 'recordOnBehalf'] as const) {
      expect(refusal(state, control)?.message).toBe(`${control} is not possible while no phase is open`);
    }
    state.openPhaseKey = 'preparation';
    for (const control of ['closePhase', 'extendDeadline', 'recordOnBehalf'] as const)
      expect(refusal(state, control)).toBeNull();
  });

  it('takes the minutes once, and only after the meeting was scheduled; sign-off waits for them', () => {
    const state = new CycleState(input);
    state.documents.push({ version: 1, title: 'Luonnos', sha256: 'a'.repeat(64) });
    state.phase = 'meeting';
    expect(refusal(state, 'startSignOff')?.message).toBe(
      'startSignOff is not possible before the minutes of the meeting are recorded',
    );
    expect(refusal(state, 'recordMinutes')).toBeNull();
    state.minutesRecorded = true;
    expect(refusal(state, 'recordMinutes')?.message).toBe('recordMinutes is not possible twice');
    expect(refusal(state, 'scheduleMeeting')?.message).toBe(
      'scheduleMeeting is not possible after the minutes are recorded',
    );
    expect(refusal(state, 'startSignOff')).toBeNull();
  });

  it('stops drafts at the round limit and everything once the cycle has ended', () => {
    const state = new CycleState(input);
    state.round = MAX_ROUNDS;
    expect(refusal(state, 'publishDraft')).toEqual({
      type: ErrorType.limitReached,
      message: `a cycle has at most ${MAX_ROUNDS} consultation rounds`,
    });
    state.ended = true;
    state.phase = 'cancelled';
    expect(refusal(state, 'cancel')?.message).toBe('cancel is not possible after the cycle has been cancelled');
  });

  it('is all signed off only when every party has decided or its sign-off closed', () => {
    const state = new CycleState(input);
    state.phase = 'signoff';
    state.applyReport(report('08', { decision: 'approved', status: 'answered', seq: 2 }));
    expect(state.allSignedOff()).toBe(false);
    state.applyReport(report('837', { closed: true, status: 'no_response', seq: 3 }));
    expect(state.allSignedOff()).toBe(true);
    expect(state.positions()).toEqual([
      { partyCode: '08', position: 'approved' },
      { partyCode: '837', position: 'no_response' },
    ]);
  });

  it('keeps the newest report of a task and ignores one that arrives late', () => {
    const state = new CycleState(input);
    state.applyReport(report('08', { seq: 5, status: 'answered' }));
    state.applyReport(report('08', { seq: 4, status: 'overdue' }));
    expect(state.parties.get('08')!.tasks.signoff!.status).toBe('answered');
  });
});

describe('a cycle that opens and closes tasks itself', () => {
  const opened = () => {
    const state = new CycleState(input);
    state.openPhaseKey = 'round-1';
    state.openedTasks('round-1', 'comment');
    return state;
  };
  const task = (state: CycleState, code: string) => state.parties.get(code)!.tasks['round-1']!;

  it('shows every task open as the party would first report it', () => {
    expect(task(opened(), '837')).toMatchObject({ taskId: 'rules/837/round-1', status: 'open', seq: 1, closed: false });
  });

  it('closes the unanswered with no response, the cancelled as cancelled, and keeps an answer', () => {
    const state = opened();
    state.applyReport({ ...task(state, '08'), status: 'answered', seq: 2 });
    expect(state.closeOpenPhase('phase-closed')).toBe('round-1');
    expect(state.openPhaseKey).toBeNull();
    expect(task(state, '08')).toMatchObject({ status: 'answered', closed: true });
    expect(task(state, '837')).toMatchObject({ status: 'no_response', closed: true });
    const cancelled = opened();
    cancelled.closeOpenPhase('cancelled');
    expect(task(cancelled, '837')).toMatchObject({ status: 'cancelled', closed: true });
  });

  it('a report sent before the party heard of the closing does not reopen the task', () => {
    const state = opened();
    state.closeOpenPhase('phase-closed');
    // An answer the party took before the close signal reached it: answered, and still closed.
    state.applyReport({ ...task(state, '08'), status: 'answered', seq: 2, closed: false });
    expect(task(state, '08')).toMatchObject({ status: 'answered', closed: true });
    // Its deadline passing before the close signal: the task ended with no response, as the party records it.
    state.applyReport({ ...task(state, '837'), status: 'overdue', seq: 2, closed: false });
    expect(task(state, '837')).toMatchObject({ status: 'no_response', closed: true });
  });
});
