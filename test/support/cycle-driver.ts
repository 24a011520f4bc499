// Helpers for driving a cycle from a test the way the CLI and web do: through the client functions.
import type { Client } from '@temporalio/client';
import { toCycleInput, type ValidCycle } from '../../core/domain/cycle-definition';
import { shippedReference } from './reference';
import { cycleStatus, startCycle } from '../../client/cycles';
import { cycleWorkflowId, type CycleStatus } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';

/** Polls the cycle's status until `ready` holds; fails with the last status it saw. */
export async function waitForCycle(
  client: Client,
  cycleId: string,
  ready: (s: CycleStatus) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<CycleStatus> {
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

/** Why a test cycle goes to sign-off without a meeting: the record must say. */
export const NO_MEETING = 'Asiat sovittiin kirjallisesti, kokousta ei tarvittu';

/** A contact and a signatory at `domain`, as a cycle file lists them. */
export const contactAndSignatory = (domain: string, contact = `contact@${domain}`) => [
  { name: 'Yhteyshenkilö', email: contact, role: 'contact' },
  { name: 'Hallitus', email: `kirjaamo@${domain}`, role: 'signatory' },
];

/** A small annual East Uusimaa cycle for next year: the county, Askola and Porvoo. */
export function smallAnnualCycle(
  id: string,
  options: { askolaContact?: string; secretariat?: string } = {},
): ValidCycle {
  return toCycleInput(
    {
      id,
      kind: 'annual',
      county: '01',
      period: String(new Date().getFullYear() + 1),
      secretariat: { name: 'Hyte', email: options.secretariat ?? 'hyte@itauusimaa.example.fi' },
      parties: ['01', '018', '638'],
      participants: {
        '01': contactAndSignatory('itauusimaa.example.fi'),
        '018': contactAndSignatory('askola.example.fi', options.askolaContact),
        '638': contactAndSignatory('porvoo.example.fi'),
      },
    },
    new Date(),
    shippedReference(),
  );
}

/** A county's annual cycle with one municipality, its people under `domain` (the municipality's under `kunta.`). */
export function countyAnnualCycle(id: string, county: string, municipality: string, domain: string): ValidCycle {
  return toCycleInput(
    {
      id,
      kind: 'annual',
      county,
      period: String(new Date().getFullYear() + 1),
      secretariat: { name: 'Hyte', email: `hyte@${domain}` },
      parties: [county, municipality],
      participants: { [county]: contactAndSignatory(domain), [municipality]: contactAndSignatory(`kunta.${domain}`) },
    },
    new Date(),
    shippedReference(),
  );
}

/** Every party has a task in `phaseKey` (the cycle has heard from all of them). */
export const allHaveTask = (phaseKey: string) => (s: CycleStatus) => s.parties.every((p) => p.tasks[phaseKey]);

/** At the end of a file (or a test): the cycles it started and left running are stopped; one gone already is fine. The
 * database and Temporal are shared by the tier, so nothing of a file keeps running into the next. */
export async function stopCycles(client: Client | undefined, ids: Iterable<string>): Promise<void> {
  for (const id of ids)
    await client?.workflow
      .getHandle(cycleWorkflowId(id))
      .terminate('test finished')
      .catch(() => {});
}

/** Pirkanmaa's (08) and Keski-Uusimaa's (02) annual cycles, each running with its parties' preparation tasks open:
 * the two counties of the tests of who sees what. */
export async function startTwoCountyCycles(
  env: { client: Client; taskQueue: string },
  cycles: { '08': string; '02': string },
): Promise<void> {
  for (const [valid, id] of [
    [countyAnnualCycle(cycles['08'], '08', '837', 'pirha.example.fi'), cycles['08']],
    [countyAnnualCycle(cycles['02'], '02', '186', 'keusote.example.fi'), cycles['02']],
  ] as const) {
    await startCycle(env.client, valid, env.taskQueue);
    await waitForCycle(env.client, id, allHaveTask('preparation'), 'preparation tasks');
  }
}
