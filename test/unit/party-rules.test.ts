// Who may act on a party's task (PartyState.authorise), tested on the state class alone.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { PartyState } from '../../workflows/party/party-state';
import { ErrorType, MAX_ANSWERS_PER_TASK, type OpenTaskSignal, type TaskKind } from '../../core/contracts';

const deadline = {
  at: '2027-01-15T14:00:00.000Z',
  nominal: '2027-01-15T14:00:00.000Z',
  version: 1,
  reminders: [],
  closesAt: { at: '2027-01-22T14:00:00.000Z', nominal: '2027-01-22T14:00:00.000Z' },
};

function party(): PartyState {
  return new PartyState({
    cycleId: 'c',
    cycleTitle: 'Testi',
    cycleWorkflowId: 'cycle/c',
    secretariat: { name: 'S', email: 's@example.fi', language: 'fi' },
    party: {
      code: '837',
      kind: 'municipality',
      name: 'Tampere',
      language: 'fi',
      participants: [
        { name: 'Contact', email: 'contact@tampere.fi', role: 'contact', language: 'fi' },
        { name: 'Board', email: 'board@tampere.fi', role: 'signatory', language: 'fi' },
      ],
    },
  });
}

const open = (state: PartyState, kind: TaskKind, phaseKey: string = kind) =>
  state.open({
    taskId: `c/837/${phaseKey}`,
    kind,
    phaseKey,
    deadline,
    document: null,
    meeting: null,
  } satisfies OpenTaskSignal);

function refusal(run: () => unknown): string | null | undefined {
  try {
    run();
    return null;
  } catch (err) {
    if (!(err instanceof ApplicationFailure)) throw err;
    return err.type;
  }
}

describe('who may act on a task', () => {
  it('lets an active participant answer, whatever the case of the address', () => {
    const state = party();
    open(state, 'input', 'preparation');
    expect(state.authorise('c/837/preparation', 'Contact@Tampere.fi', ['input', 'comment']).person.name).toBe(
      'Contact',
    );
  });

  it('refuses an unknown task, a task of another kind, a stranger and a replaced participant', () => {
    const state = party();
    open(state, 'input', 'preparation');
    expect(refusal(() => state.authorise('c/837/round-1', 'contact@tampere.fi', ['comment']))).toBe(
      ErrorType.unknownTask,
    );
    expect(refusal(() => state.authorise('c/837/preparation', 'contact@tampere.fi', ['signoff']))).toBe(
      ErrorType.unknownTask,
    );
    expect(refusal(() => state.authorise('c/837/preparation', 'stranger@tampere.fi', ['input']))).toBe(
      ErrorType.notParticipant,
    );
    state.participants[0]!.active = false;
    expect(refusal(() => state.authorise('c/837/preparation', 'contact@tampere.fi', ['input']))).toBe(
      ErrorType.notParticipant,
    );
  });

  it('takes a sign-off from a signatory only, and once', () => {
    const state = party();
    const task = open(state, 'signoff');
    expect(refusal(() => state.authorise(task.taskId, 'contact@tampere.fi', ['signoff']))).toBe(ErrorType.notSignatory);
    expect(state.authorise(task.taskId, 'board@tampere.fi', ['signoff']).person.role).toBe('signatory');
    task.decision = 'approved';
    expect(refusal(() => state.authorise(task.taskId, 'board@tampere.fi', ['signoff']))).toBe(ErrorType.taskNotOpen);
  });

  it('closes a task to answers when the cycle closes its phase, and after the answer limit', () => {
    const state = party();
    const task = open(state, 'comment', 'round-1');
    task.answers = MAX_ANSWERS_PER_TASK;
    expect(refusal(() => state.authorise(task.taskId, 'contact@tampere.fi', ['comment']))).toBe(ErrorType.limitReached);
    task.closing = 'phase-closed';
    expect(refusal(() => state.authorise(task.taskId, 'contact@tampere.fi', ['comment']))).toBe(ErrorType.taskNotOpen);
  });

  it('assigns sign-off to the signatory and everything else to the contact', () => {
    const state = party();
    expect(state.assignees(open(state, 'signoff')).map((p) => p.email)).toEqual(['board@tampere.fi']);
    expect(state.assignees(open(state, 'meeting')).map((p) => p.email)).toEqual(['contact@tampere.fi']);
  });
});
