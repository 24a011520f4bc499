// Helpers for driving a cycle from a test the way the CLI and web do: through the client functions.
import type { Client } from '@temporalio/client';
import { cycleStatus } from '../../client/cycles';
import type { CycleStatus } from '../../workflows/contracts';
import { waitFor } from '../../worker/dev/processes';

/** Polls the cycle's status until `ready` holds; fails with the last status it saw. */
export async function waitForCycle(client: Client, cycleId: string, ready: (s: CycleStatus) => boolean, what: string, timeoutMs = 30_000): Promise<CycleStatus> {
  let last: CycleStatus | undefined;
  await waitFor(
    async () => {
      last = await cycleStatus(client, cycleId);
      if (!ready(last)) throw new Error(`not yet: phase ${last.phase}, open ${last.openPhaseKey}`);
    },
    { timeoutMs, what, intervalMs: 200 },
  );
  return last!;
}

/** Every party has a task in `phaseKey` (the cycle has heard from all of them). */
export const allHaveTask = (phaseKey: string) => (s: CycleStatus) => s.parties.every((p) => p.tasks[phaseKey]);
