// Right after a cycle starts, a party's first task may not be open yet: asked for it then, the CLI says to try again
// in a moment (a refusal that passes by itself), never that the party has no task.
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { openTask, TASK_OPENING, UserError } from '../../client/cycles';
import type { PartyStatus } from '../../core/contracts';

/** A client whose party workflow answers its status query with `status`. */
const answering = (status: Partial<PartyStatus>) =>
  ({ workflow: { getHandle: () => ({ query: async () => ({ participants: [], ...status }) }) } }) as unknown as Client;

describe("a party's open task", () => {
  it('says the first task is still opening while the party has none yet', async () => {
    const err = await openTask(answering({ tasks: [], finished: false }), 'c', '837').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ type: TASK_OPENING, message: expect.stringContaining('still opening') });
  });

  it('says there is no open task once its tasks have closed', async () => {
    const closed = { taskId: 'c/837/preparation', closed: true } as PartyStatus['tasks'][number];
    const err = await openTask(answering({ tasks: [closed], finished: false }), 'c', '837').catch((e: unknown) => e);
    expect(err).toMatchObject({ message: "party 837 has no open task in cycle 'c'" });
  });
});
