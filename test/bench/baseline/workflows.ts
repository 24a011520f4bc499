// The baseline the benchmark holds Sopu against: bare Temporal doing the same work — a parent workflow per county and
// a child per party, the same participant Updates and controls, each written to PostgreSQL by one activity, and
// the same number of mails — with none of Sopu's rules, ledger or reports.
import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { BaselineActivities } from './activities';

const { record, open } = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** What each step costs, from Sopu's own run of the same workload: rows written and mails sent. */
export interface Costs {
  rowsPerUpdate: number;
  rowsPerControl: number;
  /** Per party, when a control opens its next task. */
  rowsPerOpen: number;
  mailsPerOpen: number;
}

export const participantUpdate = defineUpdate<string, [{ kind: string; text: string }]>('participant');
export const controlUpdate = defineUpdate<string, [{ control: string }]>('control');
export const openSignal = defineSignal<[{ phase: string }]>('open');
export const finishSignal = defineSignal('finish');

export async function baselineParty(input: { cycleId: string; code: string; costs: Costs }): Promise<void> {
  let finished = false;
  const opening: Promise<void>[] = [];
  setHandler(openSignal, ({ phase }) => {
    opening.push(open(input.cycleId, input.code, phase, input.costs.rowsPerOpen, input.costs.mailsPerOpen));
  });
  setHandler(participantUpdate, async ({ kind, text }) => {
    await record(input.cycleId, `${input.code}:${kind}`, text, input.costs.rowsPerUpdate);
    return 'recorded';
  });
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  await Promise.all(opening);
  await condition(allHandlersFinished);
}

export async function baselineCycle(input: { cycleId: string; parties: string[]; costs: Costs }): Promise<void> {
  const children: ChildWorkflowHandle<typeof baselineParty>[] = [];
  const fanOut = (phase: string) => Promise.all(children.map((c) => c.signal(openSignal, { phase })));
  let finished = false;
  // Registered first: a control may come while the children are still starting (it waits for them).
  let started = false;
  setHandler(controlUpdate, async ({ control }) => {
    await condition(() => started);
    await record(input.cycleId, 'control', control, input.costs.rowsPerControl);
    if (control === 'finish') {
      await Promise.all(children.map((c) => c.signal(finishSignal)));
      finished = true;
    } else await fanOut(control);
    return 'recorded';
  });
  for (const code of input.parties)
    children.push(
      await startChild(baselineParty, {
        workflowId: `${input.cycleId}/party/${code}`,
        args: [{ cycleId: input.cycleId, code, costs: input.costs }],
      }),
    );
  await fanOut('preparation');
  started = true;
  await condition(() => finished);
  await Promise.all(children.map((c) => c.result()));
  await condition(allHandlersFinished);
}
