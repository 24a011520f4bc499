// A negotiation cycle between a county and its parties. The parent records the cycle, runs one child workflow per
// party (so no single history grows with parties × tasks) and records the outcome when every party is done.
import { setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { records } from '../activities';
import { partyWorkflowId, type CycleInput, type CycleResult, type CycleStatus } from '../contracts';
import { partyNegotiation } from '../party/party-negotiation';
import { cycleStatusQuery } from './messages';
import { outcomeOf } from './outcome';

export async function negotiationCycle(input: CycleInput): Promise<CycleResult> {
  const status: CycleStatus = {
    cycleId: input.cycleId,
    title: input.title,
    phase: 'starting',
    parties: input.parties.map((p) => ({ code: p.code, name: p.name, workflowId: partyWorkflowId(input.cycleId, p.code) })),
    outcome: null,
  };
  setHandler(cycleStatusQuery, () => status);

  await records.recordCycleStarted(input, new Date(workflowInfo().startTime).toISOString());
  const children = await Promise.all(
    input.parties.map((party) =>
      startChild(partyNegotiation, {
        workflowId: partyWorkflowId(input.cycleId, party.code),
        args: [{ cycleId: input.cycleId, cycleTitle: input.title, secretariatEmail: input.secretariat.email, party, deadlines: input.deadlines }],
      }),
    ),
  );
  status.phase = 'running';

  const positions = await Promise.all(children.map((child) => child.result()));
  status.outcome = outcomeOf(positions);
  await records.recordOutcome(input.cycleId, status.outcome, positions, new Date().toISOString());
  status.phase = 'completed';
  return { outcome: status.outcome, positions };
}
