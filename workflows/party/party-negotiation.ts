// One party's side of a cycle: its input task, then its sign-off. Participants act through Updates on this
// workflow; each accepted Update is written to Postgres before it is acknowledged.
import { allHandlersFinished, condition, log, setHandler, workflowInfo, currentUpdateInfo } from '@temporalio/workflow';
import { ActivityFailure } from '@temporalio/common';
import { mail, records } from '../activities';
import type { PartyResult, PartyWorkflowInput, Receipt, TaskKind, TaskState } from '../contracts';
import { parseSignOff, parseSubmitAnswer, partyStatusQuery, signOffUpdate, submitAnswerUpdate } from './messages';
import { PartyState } from './party-state';

/** Waits for `done` until the deadline; false means the deadline passed first. */
async function beforeDeadline(done: () => boolean, deadline: string): Promise<boolean> {
  const ms = new Date(deadline).getTime() - Date.now();
  return ms > 0 ? condition(done, ms) : done();
}

export async function partyNegotiation(input: PartyWorkflowInput): Promise<PartyResult> {
  const state = new PartyState(input);
  const { cycleId, party } = input;
  const ref = (task: TaskState) => ({ cycleId, partyCode: party.code, taskId: task.taskId });

  setHandler(partyStatusQuery, () => state.status());

  setHandler(
    submitAnswerUpdate,
    async (request): Promise<Receipt> => {
      const answer = parseSubmitAnswer(request);
      state.authorise(answer.taskId, answer.participantEmail, 'input');
      // Closing the task before the first await keeps a second answer or the deadline from racing this one.
      state.setStatus(answer.taskId, 'answered');
      const receipt = { taskId: answer.taskId, updateId: currentUpdateInfo()!.id, recordedAt: new Date().toISOString(), late: false };
      await records.recordResponse({
        cycleId,
        partyCode: party.code,
        taskId: answer.taskId,
        participantEmail: answer.participantEmail,
        body: answer.text,
        late: false,
        updateId: receipt.updateId,
        receivedAt: receipt.recordedAt,
      });
      return receipt;
    },
    {
      validator: (request) => {
        const answer = parseSubmitAnswer(request);
        state.authorise(answer.taskId, answer.participantEmail, 'input');
      },
    },
  );

  setHandler(
    signOffUpdate,
    async (request): Promise<Receipt> => {
      const signOff = parseSignOff(request);
      state.authorise(signOff.taskId, signOff.participantEmail, 'signoff');
      state.setStatus(signOff.taskId, 'answered');
      state.position = signOff.decision;
      const receipt = { taskId: signOff.taskId, updateId: currentUpdateInfo()!.id, recordedAt: new Date().toISOString(), late: false };
      await records.recordSignOff({
        cycleId,
        partyCode: party.code,
        taskId: signOff.taskId,
        participantEmail: signOff.participantEmail,
        decision: signOff.decision,
        decisionReference: signOff.decisionReference ?? null,
        reason: signOff.reason ?? null,
        updateId: receipt.updateId,
        signedAt: receipt.recordedAt,
      });
      return receipt;
    },
    {
      validator: (request) => {
        const signOff = parseSignOff(request);
        state.authorise(signOff.taskId, signOff.participantEmail, 'signoff');
      },
    },
  );

  async function runTask(kind: TaskKind, deadline: string): Promise<void> {
    const task = state.openTask(kind, deadline);
    await records.openTask(ref(task), kind, deadline, new Date().toISOString());
    await Promise.all(
      state.recipientsFor(kind).map(async (recipient) => {
        try {
          await mail.notifyTaskAssigned({
            cycleId,
            cycleTitle: input.cycleTitle,
            partyName: party.name,
            taskId: task.taskId,
            kind,
            deadline,
            recipient,
            replyTo: input.secretariatEmail,
          });
        } catch (err) {
          // A refused address is recorded in the outbox; the negotiation goes on without that message.
          if (!(err instanceof ActivityFailure)) throw err;
          log.warn('task email failed', { taskId: task.taskId, to: recipient.email });
        }
      }),
    );
    const answered = await beforeDeadline(() => !state.isOpen(task.taskId), deadline);
    // An answer's own handler writes its record; only a deadline that passed closes the task here.
    if (answered) await condition(allHandlersFinished);
    const status = answered ? 'answered' : 'no_response';
    if (!answered) state.setStatus(task.taskId, status);
    await records.closeTask(ref(task), status, new Date().toISOString());
  }

  await runTask('input', input.deadlines.input);
  await runTask('signoff', input.deadlines.signOff);
  state.position ??= 'no_response';
  log.info('party finished', { workflowId: workflowInfo().workflowId, position: state.position });
  await condition(allHandlersFinished);
  return { partyCode: party.code, position: state.position };
}
