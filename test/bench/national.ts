// `npm run bench`: the national workload through Sopu — one term cycle per county, the county and every municipality
// as parties with three participants each (contact, signatory, member), driven through preparation, two
// consultation rounds, the meeting (registration and minutes) and sign-off by Temporal Updates at a bounded number in
// flight — on services of its own (embedded PostgreSQL, a Temporal dev server, an SMTP server, the worker as a
// process). It reports wall time, CPU seconds per process, Update latency percentiles per kind, control latency by
// party count, history events and bytes per workflow, the worker's peak RSS, rows and mails.
//
//   npm run bench -- [--counties all|N|08,02] [--concurrency 50] [--out result.json]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { temporal } from '@temporalio/proto';
import type { UpdateDefinition } from '@temporalio/common';
import { toCycleInput, type ValidCycle } from '../../activities/domain/cycle-definition';
import { control, cycleStatus, partyAction, startCycle } from '../../client/cycles';
import {
  publishDraftUpdate,
  recordMinutesUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import {
  cycleWorkflowId,
  partyWorkflowId,
  taskId,
  type ControlReceipt,
  type CycleInput,
} from '../../workflows/contracts';
import { waitFor } from '../../worker/dev/processes';
import { startFaultRig, type FaultRig } from '../faults/fault-rig';
import { storedDraft } from '../support/drafts';
import { shippedReference } from '../support/reference';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const CONCURRENCY = Number(arg('concurrency', '50'));
const SECRETARIAT = 'kuntaneuvottelut@bench.example.fi';

/** The counties asked for: all but Helsinki and Åland (no §14 cycle), the first N by code, or the codes given. */
function counties(): string[] {
  const all = [...shippedReference().counties.keys()].filter((c) => c !== '90' && c !== '91').sort();
  const asked = arg('counties', 'all');
  if (asked === 'all') return all;
  if (/^\d+$/.test(asked) && asked.length < 2) return all.slice(0, Number(asked));
  return asked.split(',').map((c) => c.trim());
}

function termCycle(county: string, runId: string): ValidCycle {
  const reference = shippedReference();
  const parties = [
    county,
    ...[...reference.municipalities.values()].filter((m) => m.countyCode === county).map((m) => m.code),
  ];
  const people = (code: string) =>
    (['contact', 'signatory', 'member'] as const).map((role) => ({
      name: `${role} ${code}`,
      email: `${role}.${code}@bench.example.fi`,
      role,
    }));
  return toCycleInput(
    {
      id: `bench-${runId}-${county}`,
      kind: 'term',
      county,
      period: '2025-2029',
      secretariat: { name: 'Sihteeristö', email: SECRETARIAT },
      participants: Object.fromEntries(parties.map((code) => [code, people(code)])),
    },
    new Date(),
    reference,
  );
}

/** Runs the jobs with at most `limit` in flight. */
async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
  return results;
}

const latencies = new Map<string, number[]>();
const controls: { county: string; parties: number; control: string; ms: number }[] = [];

async function timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const list = latencies.get(kind) ?? [];
  list.push(performance.now() - started);
  latencies.set(kind, list);
  return result;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** CPU seconds (user + system) of a process and of every child it has reaped, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

/** The processes whose command line contains `marker`, and their live children (PostgreSQL's backends). */
function processTree(marker: string): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const info = all.flatMap((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      return [{ pid, cmd, ppid }];
    } catch {
      return [];
    }
  });
  const roots = info.filter((p) => p.cmd.includes(marker)).map((p) => p.pid);
  return [...roots, ...info.filter((p) => roots.includes(p.ppid)).map((p) => p.pid)];
}

const treeCpu = (marker: string) =>
  processTree(marker).reduce((sum, pid) => {
    try {
      return sum + cpuSeconds(pid);
    } catch {
      return sum;
    }
  }, 0);

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function everyPartyHas(rig: FaultRig, cycles: CycleInput[], phaseKey: string) {
  await pool(
    8,
    cycles.map((c) => async () => {
      await waitFor(
        async () => {
          const status = await cycleStatus(rig.client, c.cycleId);
          if (!status.parties.every((p) => p.tasks[phaseKey])) throw new Error(`${c.cycleId} not yet in ${phaseKey}`);
        },
        { timeoutMs: 600_000, intervalMs: 500, what: `${c.cycleId}: every party's ${phaseKey} task` },
      );
    }),
  );
}

/** Every party answers its task of the phase, as its contact would. */
function answers(rig: FaultRig, cycles: CycleInput[], phaseKey: string) {
  return pool(
    CONCURRENCY,
    cycles.flatMap((c) =>
      c.parties.map(
        (p) => () =>
          timed(`answer (${phaseKey === 'preparation' ? 'preparation' : 'round'})`, () =>
            partyAction(rig.client, c.cycleId, p.code, submitAnswerUpdate, {
              taskId: taskId(c.cycleId, p.code, phaseKey),
              participantEmail: p.participants[0]!.email,
              text: `${p.name}: näkemys vaiheessa ${phaseKey}. Tavoitteena hyvinvoinnin ja terveyden edistäminen.`,
            }),
          ),
      ),
    ),
  );
}

/** A control on every cycle at once, each timed against its number of parties. */
function everyCycle<Req>(
  rig: FaultRig,
  cycles: CycleInput[],
  name: string,
  update: UpdateDefinition<ControlReceipt, [Req]>,
  request: (c: CycleInput) => Promise<Req> | Req,
): Promise<ControlReceipt[]> {
  return pool(
    CONCURRENCY,
    cycles.map((c) => async () => {
      const body = await request(c);
      const started = performance.now();
      const receipt = await control(rig.client, c.cycleId, update, body);
      controls.push({
        county: c.countyCode,
        parties: c.parties.length,
        control: name,
        ms: performance.now() - started,
      });
      return receipt;
    }),
  );
}

async function main() {
  const runId = Date.now().toString(36);
  const chosen = counties();
  console.log(`[bench] ${chosen.length} counties; ${CONCURRENCY} Updates in flight; starting services`);
  const rig = await startFaultRig();
  const valid = chosen.map((county) => termCycle(county, runId));
  const cycles = valid.map((v) => v.input);
  const parties = cycles.reduce((n, c) => n + c.parties.length, 0);
  const markers = { temporal: 'temporal.sqlite', postgres: 'sopu-faults-' };
  const cpuBefore = {
    worker: cpuSeconds(rig.worker.pid!),
    temporal: treeCpu(markers.temporal),
    postgres: treeCpu(`${markers.postgres}`) - treeCpu(markers.temporal),
  };
  const started = performance.now();
  let idleMs = 0;
  const phase = (name: string) =>
    console.log(`[bench] ${((performance.now() - started) / 1000).toFixed(1)} s: ${name}`);

  phase(`starting ${cycles.length} cycles, ${parties} parties`);
  await pool(
    CONCURRENCY,
    valid.map((v) => () => startCycle(rig.client, v, rig.taskQueue)),
  );
  await everyPartyHas(rig, cycles, 'preparation');
  phase('preparation answers');
  await answers(rig, cycles, 'preparation');
  for (const round of [1, 2]) {
    phase(`draft ${round}`);
    await everyCycle(rig, cycles, 'publishDraft', publishDraftUpdate, async (c) => ({
      by: SECRETARIAT,
      confirm: true as const,
      title: `Luonnos ${round}`,
      file: await storedDraft(rig.db, `# ${c.title}\n\nLuonnos ${round}: yhteistyö, tavoitteet ja työnjako.\n`),
    }));
    await everyPartyHas(rig, cycles, `round-${round}`);
    phase(`round ${round} answers`);
    await answers(rig, cycles, `round-${round}`);
  }
  phase('meeting');
  // A minute ahead of each scheduling: the minutes are taken once the last meeting has started.
  let lastStart = 0;
  await everyCycle(rig, cycles, 'scheduleMeeting', scheduleMeetingUpdate, () => {
    lastStart = Date.now() + 60_000;
    return { by: SECRETARIAT, confirm: true as const, startsAt: new Date(lastStart).toISOString(), location: 'Talo' };
  });
  await everyPartyHas(rig, cycles, 'meeting');
  await pool(
    CONCURRENCY,
    cycles.flatMap((c) =>
      c.parties.map(
        (p) => () =>
          timed('registration', () =>
            partyAction(rig.client, c.cycleId, p.code, registerAttendeesUpdate, {
              taskId: taskId(c.cycleId, p.code, 'meeting'),
              participantEmail: p.participants[0]!.email,
              attendees: [{ name: p.participants[0]!.name, role: 'edustaja', organisation: p.name }],
            }),
          ),
      ),
    ),
  );
  // Waiting for the meeting is the calendar's, not the engine's: it is not counted in the wall time.
  const idle = Math.max(0, lastStart + 1_000 - Date.now());
  await new Promise((resolve) => setTimeout(resolve, idle));
  idleMs += idle;
  await everyCycle(rig, cycles, 'recordMinutes', recordMinutesUpdate, (c) => ({
    by: SECRETARIAT,
    attendees: [{ partyCode: c.countyCode, name: 'Johtaja', role: 'johtaja', organisation: c.title }],
    items: [{ number: 1, title: 'Sopimus', conclusion: 'Luonnos 2 hyväksyttiin allekirjoitettavaksi.' }],
  }));
  phase('sign-off');
  const signOffs = await everyCycle(rig, cycles, 'startSignOff', startSignOffUpdate, () => ({
    by: SECRETARIAT,
    confirm: true as const,
  }));
  await everyPartyHas(rig, cycles, 'signoff');
  await pool(
    CONCURRENCY,
    cycles.flatMap((c, i) =>
      c.parties.map(
        (p) => () =>
          timed('sign-off', () =>
            partyAction(rig.client, c.cycleId, p.code, signOffUpdate, {
              taskId: taskId(c.cycleId, p.code, 'signoff'),
              participantEmail: p.participants[1]!.email,
              decision: 'approved',
              decisionReference: `Hallitus 1.3.2027 § ${p.code}`,
              documentSha256: signOffs[i]!.document!.sha256,
            }),
          ),
      ),
    ),
  );
  await pool(
    8,
    cycles.map((c) => () => rig.client.workflow.getHandle(cycleWorkflowId(c.cycleId)).result()),
  );
  const wall = (performance.now() - started - idleMs) / 1000;
  phase('done; measuring');
  const cpu = {
    worker: cpuSeconds(rig.worker.pid!) - cpuBefore.worker,
    temporal: treeCpu(markers.temporal) - cpuBefore.temporal,
    postgres: treeCpu(markers.postgres) - treeCpu(markers.temporal) - cpuBefore.postgres,
  };
  const rss = peakRssMb(rig.worker.pid!);

  const histories: { workflowId: string; kind: 'cycle' | 'party'; events: number; bytes: number }[] = [];
  await pool(
    8,
    cycles.flatMap((c) =>
      [cycleWorkflowId(c.cycleId), ...c.parties.map((p) => partyWorkflowId(c.cycleId, p.code))].map(
        (workflowId) => async () => {
          const history = await rig.client.workflow.getHandle(workflowId).fetchHistory();
          histories.push({
            workflowId,
            kind: workflowId.includes('/party/') ? 'party' : 'cycle',
            events: history.events!.length,
            bytes: temporal.api.history.v1.History.encode(history).finish().length,
          });
        },
      ),
    ),
  );
  const rows: Record<string, number> = {};
  for (const table of [
    'responses',
    'signoffs',
    'tasks',
    'task_status_changes',
    'deadlines',
    'meeting_attendees',
    'audit_events',
    'emails',
  ] as const) {
    const { count } = await rig.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    rows[table] = Number(count);
  }
  await waitFor(
    async () => {
      if (rig.mail.length < rows.emails!) throw new Error(`${rig.mail.length} of ${rows.emails} mails delivered`);
    },
    { timeoutMs: 120_000, what: 'every mail delivered' },
  );

  const result = {
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    counties: chosen.length,
    parties,
    concurrency: CONCURRENCY,
    wallSeconds: Number(wall.toFixed(1)),
    meetingWaitSeconds: Math.round(idleMs / 1000),
    cpuSeconds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Number(v.toFixed(1))])),
    workerPeakRssMb: Math.round(rss),
    updates: Object.fromEntries(
      [...latencies].map(([kind, values]) => [
        kind,
        {
          count: values.length,
          p50: Math.round(percentile(values, 50)),
          p99: Math.round(percentile(values, 99)),
          max: Math.round(Math.max(...values)),
        },
      ]),
    ),
    controls: Object.fromEntries(
      [...new Set(controls.map((c) => c.control))].map((name) => {
        const of = controls.filter((c) => c.control === name);
        const largest = of.reduce((a, b) => (b.parties > a.parties ? b : a));
        const smallest = of.reduce((a, b) => (b.parties < a.parties ? b : a));
        return [
          name,
          {
            p50: Math.round(
              percentile(
                of.map((c) => c.ms),
                50,
              ),
            ),
            max: Math.round(Math.max(...of.map((c) => c.ms))),
            smallest: { parties: smallest.parties, ms: Math.round(smallest.ms) },
            largest: { parties: largest.parties, ms: Math.round(largest.ms) },
          },
        ];
      }),
    ),
    histories: {
      eventsPerParty: Number((histories.reduce((n, h) => n + h.events, 0) / parties).toFixed(1)),
      largestEvents: Math.max(...histories.map((h) => h.events)),
      largestBytes: Math.max(...histories.map((h) => h.bytes)),
      cycleEventsMax: Math.max(...histories.filter((h) => h.kind === 'cycle').map((h) => h.events)),
      partyEventsMedian: percentile(
        histories.filter((h) => h.kind === 'party').map((h) => h.events),
        50,
      ),
    },
    rows,
    mails: rig.mail.length,
  };
  console.log(JSON.stringify(result, null, 2));
  const out = arg('out', '');
  if (out) writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  await rig.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
