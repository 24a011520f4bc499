// One party's side of a cycle. The cycle opens, extends and closes the party's tasks by signal; participants act
// through Updates here; every accepted Update is written to Postgres before it is acknowledged.
import { allHandlersFinished, condition, currentUpdateInfo, log, patched, setHandler } from '@temporalio/workflow';
import { recordAttendees, replaceParticipant } from '../activity-proxies';
import type { PartyWorkflowInput, Receipt } from '../../core/contracts';
import {
  closeTaskSignal,
  extendTaskSignal,
  finishSignal,
  minutesSignal,
  onBehalfSignal,
  openTaskSignal,
  parseParticipantRequest,
  partyStatusQuery,
  registerAttendeesUpdate,
  replaceParticipantSignal,
  signOffUpdate,
  submitAnswerUpdate,
} from './messages';
import { PartyRuntime } from './party-runtime';
import { PartyState, type PartyTask } from './party-state';
import { superviseTask } from './task-supervisor';
import { ErrorType } from '../../core/contracts';
import { refuseMultiLine } from '../../core/requests';
import { reject } from '../validation';

function checkAnswer(state: PartyState, request: unknown) {
  const answer = parseParticipantRequest('submitAnswer', request);
  const { task, person } = state.authorise(answer.taskId, answer.participantEmail, ['input', 'comment']);
  if (answer.noComments && task.kind !== 'comment')
    reject('"no comments" is an answer to a consultation round only', ErrorType.invalidRequest);
  return { answer, task, person };
}

function checkSignOff(state: PartyState, request: unknown) {
  const signOff = parseParticipantRequest('signOff', request);
  const { task, person } = state.authorise(signOff.taskId, signOff.participantEmail, ['signoff']);
  if (signOff.documentSha256 !== task.document?.sha256) {
    reject(
      `the final version's SHA-256 is ${task.document?.sha256}, not ${signOff.documentSha256}`,
      ErrorType.documentMismatch,
    );
  }
  return { signOff, task, person };
}

export async function partyNegotiation(input: PartyWorkflowInput): Promise<void> {
  const state = new PartyState(input);
  const rt = new PartyRuntime(state);
  const supervisors: Promise<void>[] = [];
  const updateId = () => currentUpdateInfo()!.id;

  setHandler(partyStatusQuery, () => state.status());

  // The cycle's signals first: an Update buffered with them in the first workflow task (a participant answering
  // the moment the cycle shows the task open) finds its task, since buffered messages are handled as handlers are set.
  setHandler(openTaskSignal, (signal) => {
    if (signal.closes) state.close(signal.closes);
    if (state.tasks.has(signal.taskId)) return;
    supervisors.push(superviseTask(rt, state.open(signal)));
  });

  setHandler(extendTaskSignal, ({ taskId, deadline, meeting }) => {
    const task = state.tasks.get(taskId);
    if (task && task.closing === null && deadline.version > task.deadline.version) {
      task.deadline = deadline;
      if (meeting) task.meeting = meeting;
    }
  });

  setHandler(closeTaskSignal, (signal) => state.close(signal));

  setHandler(
    submitAnswerUpdate,
    async (request): Promise<Receipt> => {
      const { answer, task, person } = checkAnswer(state, request);
      return rt.acceptAnswer(
        task,
        person,
        {
          text: answer.text ?? '',
          noComments: answer.noComments ?? false,
          areas: answer.areas,
          followUp: answer.followUp,
          attachments: answer.attachments,
        },
        updateId(),
        null,
        request,
      );
    },
    {
      validator: (request) => {
        checkAnswer(state, request);
        refuseMultiLine(request);
      },
    },
  );

  setHandler(
    signOffUpdate,
    async (request): Promise<Receipt> => {
      const { signOff, task, person } = checkSignOff(state, request);
      const { decision, decisionReference, reason } = signOff;
      return rt.acceptSignOff(
        task,
        person,
        { decision, decisionReference: decisionReference ?? null, reason: reason ?? null },
        updateId(),
        null,
        request,
      );
    },
    {
      validator: (request) => {
        checkSignOff(state, request);
        refuseMultiLine(request);
      },
    },
  );

  setHandler(
    registerAttendeesUpdate,
    async (request): Promise<Receipt> => {
      const registration = parseParticipantRequest('registerAttendees', request);
      const { task, person } = state.authorise(registration.taskId, registration.participantEmail, ['meeting']);
      const recordedAt = new Date().toISOString();
      task.answers++;
      const first = task.status !== 'answered';
      task.status = 'answered';
      const oneWrite = patched('status-with-act');
      const status = first && oneWrite ? rt.statusChange(task, 'answered', recordedAt, person.email) : undefined;
      await rt.serial(task, () =>
        recordAttendees({
          ...rt.ref(task),
          participantEmail: person.email,
          attendees: registration.attendees,
          updateId: updateId(),
          recordedAt,
          request,
          ...(status ? { status } : {}),
        }),
      );
      if (status) rt.reportLater(task);
      else if (first) await rt.setStatus(task, 'answered', person.email);
      const receipt = { taskId: task.taskId, updateId: updateId(), recordedAt, late: false };
      rt.receiptLater(task, person, receipt);
      return receipt;
    },
    {
      validator: (request) => {
        const registration = parseParticipantRequest('registerAttendees', request);
        state.authorise(registration.taskId, registration.participantEmail, ['meeting']);
        refuseMultiLine(request);
      },
    },
  );

  setHandler(replaceParticipantSignal, async (change) => {
    const old = state.participants.find((p) => p.active && p.email === change.oldEmail);
    if (!old) return log.warn('participant to replace not found', { email: change.oldEmail });
    old.active = false;
    const existing = state.participants.find((p) => p.email === change.participant.email);
    if (existing) Object.assign(existing, change.participant, { active: true });
    else state.participants.push({ ...change.participant, active: true });
    await replaceParticipant({
      cycleId: input.cycleId,
      partyCode: input.party.code,
      oldEmail: change.oldEmail,
      participant: change.participant,
      reason: change.reason,
      by: change.by,
      at: new Date().toISOString(),
    });
    const notice = {
      kind: 'participant-replaced' as const,
      partyName: input.party.name,
      replacedName: old.name,
      newName: change.participant.name,
      newEmail: change.participant.email,
    };
    await rt.notify([old, change.participant], notice);
    const open = [...state.tasks.values()].filter(
      (t: PartyTask) => state.acceptsAnswers(t) && state.assignees(t).some((p) => p.email === change.participant.email),
    );
    for (const task of open) await rt.notify([change.participant], { kind: 'task-assigned', task: rt.facts(task) });
  });

  setHandler(onBehalfSignal, async (action) => {
    const task = state.tasks.get(action.taskId);
    const person = state.participants.find(
      (p) => p.active && p.role === (task?.kind === 'signoff' ? 'signatory' : 'contact'),
    );
    if (!task || !person || !state.acceptsAnswers(task) || (task.kind === 'signoff' && task.decision)) {
      return log.warn('on-behalf action for a task that no longer takes answers', { taskId: action.taskId });
    }
    const onBehalf = { by: action.by, reason: action.reason };
    const id = `on-behalf:${action.taskId}:${task.answers}`;
    if (action.signOff) await rt.acceptSignOff(task, person, action.signOff, id, onBehalf);
    else if (action.answer) await rt.acceptAnswer(task, person, action.answer, id, onBehalf);
  });

  setHandler(minutesSignal, async (minutes) => {
    await rt.notify(
      state.participants.filter((p) => p.active),
      { kind: 'minutes', ...minutes },
    );
  });

  setHandler(finishSignal, (finish) => {
    state.finish ??= finish;
    // The cycle closes every phase before it finishes, by this signal itself in cycles that close it in their own
    // state; in earlier ones it only guards against a task left open.
    const reason = finish.cancelReason ? 'cancelled' : 'phase-closed';
    for (const task of state.tasks.values())
      state.close({ taskId: task.taskId, reason, closedInCycle: finish.closedInCycle });
  });

  await condition(() => state.finish !== null);
  await Promise.all(supervisors);
  const people = state.participants.filter((p) => p.active && p.role !== 'member');
  const { outcome, cancelReason, agreement } = state.finish!;
  if (outcome) await rt.notify(people, { kind: 'cycle-completed', outcome, ...(agreement ? { agreement } : {}) });
  else if (cancelReason) await rt.notify(people, { kind: 'cycle-cancelled', reason: cancelReason });
  await Promise.all(rt.pending);
  await condition(allHandlersFinished);
}
