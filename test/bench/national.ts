// `npm run bench`: the national workload through Sopu — one term cycle per county, the county and every municipality
// as parties with three participants each (contact, signatory, member), driven through preparation, two
// consultation rounds, the meeting (registration and minutes) and sign-off by Temporal Updates at a bounded number in
// flight — on services of its own (embedded PostgreSQL, a Temporal dev server, an SMTP server, the worker as a
// process). It reports wall time, CPU seconds per process, Update latency percentiles per kind, control latency by
// party count, history events and bytes per workflow, the worker's peak RSS, rows and mails.
//
//   npm run bench -- [--counties all|N|08,02] [--concurrency 50] [--out result.json]
//                    [--answers updates|web] [--day-seconds 120]
//
// `--answers web` is the deadline-day mode (test/bench/deadline-day.ts): the preparation answers come through the web
// server's form after each task mail, spread over a compressed working day, and their latency is the receipt page's.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { UpdateDefinition } from '@temporalio/common';
import { toCycleInput, type ValidCycle } from '../../core/domain/cycle-definition';
import { control, cycleStatus, partyAction, startCycle } from '../../client/cycles';
import {
  publishDraftUpdate,
  recordMinutesUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { cycleWorkflowId, partyWorkflowId, taskId, type ControlReceipt, type CycleInput } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import { SopuProcess, startFaultRig, type FaultRig } from '../faults/fault-rig';
import { baselineCycle, controlUpdate, participantUpdate, type Costs } from './baseline/workflows';
import { storedDraft } from '../support/drafts';
import { webAnswers } from './deadline-day';
import { shippedReference } from '../support/reference';
import { snapshotHeap, summariseHeap, type HeapGroup } from './heap-snapshot';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const CONCURRENCY = Number(arg('concurrency', '50'));
/** How the preparation answers come: as Updates at once (the default), or through the web on a deadline day. */
const ANSWERS = arg('answers', 'updates');
const DAY_SECONDS = Number(arg('day-seconds', '120'));
const SECRETARIAT = 'kuntaneuvottelut@bench.example.fi';
/** How long a request waits for its receipt: a control on a large county takes long, and is measured, not cut off. */
const WAIT_MS = 900_000;

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

/** What one side of the run measured as it went. */
class Measures {
  readonly latencies = new Map<string, number[]>();
  readonly controls: { county: string; parties: number; control: string; ms: number }[] = [];

  async timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.record(kind, performance.now() - started);
    return result;
  }

  record(kind: string, ms: number): void {
    this.latencies.set(kind, [...(this.latencies.get(kind) ?? []), ms]);
  }
}
let measures = new Measures();
const timed = <T>(kind: string, run: () => Promise<T>) => measures.timed(kind, run);

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
            partyAction(
              rig.client,
              c.cycleId,
              p.code,
              submitAnswerUpdate,
              {
                taskId: taskId(c.cycleId, p.code, phaseKey),
                participantEmail: p.participants[0]!.email,
                text: `${p.name}: näkemys vaiheessa ${phaseKey}. Tavoitteena hyvinvoinnin ja terveyden edistäminen.`,
              },
              { waitMs: WAIT_MS },
            ),
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
      const receipt = await control(rig.client, c.cycleId, update, body, { waitMs: WAIT_MS });
      measures.controls.push({
        county: c.countyCode,
        parties: c.parties.length,
        control: name,
        ms: performance.now() - started,
      });
      return receipt;
    }),
  );
}

interface Side {
  wallSeconds: number;
  meetingWaitSeconds: number;
  cpuSeconds: { worker: number; temporal: number; postgres: number };
  workerPeakRssMb: number;
  heap?: HeapAtPeak;
  updates: Record<string, { count: number; p50: number; p99: number; max: number }>;
  controls: Record<
    string,
    { p50: number; max: number; smallest: { parties: number; ms: number }; largest: { parties: number; ms: number } }
  >;
  histories: { eventsPerParty: number; largestEvents: number; largestBytes: number; bytesPerParty: number };
  rows: number;
  mails: number;
}

/** With SOPU_HEAP_SNAPSHOT_DIR, the worker's heap at the run's peak (every workflow cached, sign-off done): its
 * resident memory just before, then what the snapshot holds by kind. The snapshot's own time and the worker's CPU
 * during it are left out of the figures; the peak RSS is the one before it (writing a snapshot takes memory). */
async function heapAtPeak(pid: number, skip: (ms: number) => void): Promise<HeapAtPeak | undefined> {
  const dir = process.env.SOPU_HEAP_SNAPSHOT_DIR;
  if (!dir) return undefined;
  const t = performance.now();
  const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const peakBeforeMb = peakRssMb(pid);
  const cpuBefore = cpuSeconds(pid);
  const files = await snapshotHeap(pid, dir);
  skip(performance.now() - t);
  return {
    cpuSeconds: cpuSeconds(pid) - cpuBefore,
    rssMb: Math.round(rssMb),
    peakRssBeforeMb: Math.round(peakBeforeMb),
    heaps: files.map((file) => {
      const summary = summariseHeap(file, 15);
      return {
        file,
        heapMb: Math.round(summary.totalBytes / 2 ** 20),
        top: summary.groups.map((g) => ({ ...g, selfBytes: Math.round(g.selfBytes / 2 ** 10) })),
      };
    }),
  };
}

interface HeapAtPeak {
  cpuSeconds: number;
  rssMb: number;
  peakRssBeforeMb: number;
  /** The main thread's, then the workflow thread's: self size in kB by kind. */
  heaps: { file: string; heapMb: number; top: HeapGroup[] }[];
}

/** CPU of the three processes that do the work, as a counter to take differences of. */
function cpuNow(rig: FaultRig, workerPid: number) {
  // The dev server runs on its database file, PostgreSQL (and its backends) on its data directory.
  return {
    worker: cpuSeconds(workerPid),
    temporal: treeCpu(path.join(rig.scratch, 'temporal.sqlite')),
    postgres: treeCpu(path.join(rig.scratch, 'pg')),
  };
}

/** A workflow task's timeout by its kind: start-to-close (the worker took too long) or schedule-to-start (it waited
 * on the worker's sticky queue too long). */
const timeoutName = (type: temporal.api.enums.v1.TimeoutType | null | undefined) =>
  type === null || type === undefined ? undefined : temporal.api.enums.v1.TimeoutType[type];

async function historiesOf(rig: FaultRig, workflowIds: string[], parties: number) {
  const sizes: { events: number; bytes: number }[] = [];
  const types = new Map<string, number>();
  await pool(
    8,
    workflowIds.map((workflowId) => async () => {
      const history = await rig.client.workflow.getHandle(workflowId).fetchHistory();
      sizes.push({
        events: history.events!.length,
        bytes: temporal.api.history.v1.History.encode(history).finish().length,
      });
      for (const event of history.events ?? []) {
        const attributes = Object.keys(event).find(
          (k) => k.endsWith('Attributes') && (event as Record<string, unknown>)[k],
        );
        const name = attributes?.replace(/EventAttributes$/, '') ?? 'other';
        types.set(name, (types.get(name) ?? 0) + 1);
        // Which activities and signals: the types alone do not say what to cut.
        const detail =
          event.activityTaskScheduledEventAttributes?.activityType?.name ??
          event.signalExternalWorkflowExecutionInitiatedEventAttributes?.signalName ??
          event.workflowExecutionSignaledEventAttributes?.signalName ??
          timeoutName(event.workflowTaskTimedOutEventAttributes?.timeoutType);
        if (detail) types.set(`${name}:${detail}`, (types.get(`${name}:${detail}`) ?? 0) + 1);
      }
    }),
  );
  return {
    eventsPerParty: Number((sizes.reduce((n, h) => n + h.events, 0) / parties).toFixed(1)),
    largestEvents: Math.max(...sizes.map((h) => h.events)),
    largestBytes: Math.max(...sizes.map((h) => h.bytes)),
    bytesPerParty: Math.round(sizes.reduce((n, h) => n + h.bytes, 0) / parties),
    /** What the events are: each type's count per party, most first. */
    perPartyByType: Object.fromEntries(
      [...types].sort((a, b) => b[1] - a[1]).map(([type, n]) => [type, Number((n / parties).toFixed(1))]),
    ),
  };
}

function summarise(m: Measures): Pick<Side, 'updates' | 'controls'> {
  return {
    updates: Object.fromEntries(
      [...m.latencies].map(([kind, values]) => [
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
      [...new Set(m.controls.map((c) => c.control))].map((name) => {
        const of = m.controls.filter((c) => c.control === name);
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
  };
}

async function sopuSide(rig: FaultRig, valid: ValidCycle[], log: (what: string) => void): Promise<Side> {
  measures = new Measures();
  const cycles = valid.map((v) => v.input);
  const parties = cycles.reduce((n, c) => n + c.parties.length, 0);
  const before = cpuNow(rig, rig.worker.pid!);
  const mailsBefore = rig.mail.length;
  const started = performance.now();
  let idleMs = 0;
  log(`Sopu: starting ${cycles.length} cycles, ${parties} parties`);
  await pool(
    CONCURRENCY,
    valid.map((v) => () => startCycle(rig.client, v, rig.taskQueue)),
  );
  await everyPartyHas(rig, cycles, 'preparation');
  if (ANSWERS === 'web') {
    log(`Sopu: preparation answers through the web over a day of ${DAY_SECONDS} s`);
    await webAnswers(rig, cycles, DAY_SECONDS, (ms) => measures.record('receipt via the web (preparation)', ms));
    // The day itself is the calendar's, as the wait for the meeting is.
    idleMs += DAY_SECONDS * 1000;
  } else {
    log('Sopu: preparation answers');
    await answers(rig, cycles, 'preparation');
  }
  for (const round of [1, 2]) {
    log(`Sopu: draft ${round}`);
    await everyCycle(rig, cycles, 'publishDraft', publishDraftUpdate, async (c) => ({
      by: SECRETARIAT,
      confirm: true as const,
      title: `Luonnos ${round}`,
      file: await storedDraft(rig.db, `# ${c.title}\n\nLuonnos ${round}: yhteistyö, tavoitteet ja työnjako.\n`),
    }));
    await everyPartyHas(rig, cycles, `round-${round}`);
    log(`Sopu: round ${round} answers`);
    await answers(rig, cycles, `round-${round}`);
  }
  log('Sopu: meeting');
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
            partyAction(
              rig.client,
              c.cycleId,
              p.code,
              registerAttendeesUpdate,
              {
                taskId: taskId(c.cycleId, p.code, 'meeting'),
                participantEmail: p.participants[0]!.email,
                attendees: [{ name: p.participants[0]!.name, role: 'edustaja', organisation: p.name }],
              },
              { waitMs: WAIT_MS },
            ),
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
  log('Sopu: sign-off');
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
            partyAction(
              rig.client,
              c.cycleId,
              p.code,
              signOffUpdate,
              {
                taskId: taskId(c.cycleId, p.code, 'signoff'),
                participantEmail: p.participants[1]!.email,
                decision: 'approved',
                decisionReference: `Hallitus 1.3.2027 § ${p.code}`,
                documentSha256: signOffs[i]!.document!.sha256,
              },
              { waitMs: WAIT_MS },
            ),
          ),
      ),
    ),
  );
  const heap = await heapAtPeak(rig.worker.pid!, (ms) => (idleMs += ms));
  await pool(
    8,
    cycles.map((c) => () => rig.client.workflow.getHandle(cycleWorkflowId(c.cycleId)).result()),
  );
  const wallSeconds = Number(((performance.now() - started - idleMs) / 1000).toFixed(1));
  const after = cpuNow(rig, rig.worker.pid!);
  log('Sopu: done; measuring');
  let rows = 0;
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
    rows += Number(count);
  }
  const { count: emails } = await rig.db
    .selectFrom('emails')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  await waitFor(
    async () => {
      if (rig.mail.length - mailsBefore < Number(emails))
        throw new Error(`${rig.mail.length - mailsBefore} of ${emails} mails`);
    },
    { timeoutMs: 120_000, what: 'every mail delivered' },
  );
  return {
    wallSeconds,
    meetingWaitSeconds: Math.round(idleMs / 1000),
    cpuSeconds: {
      worker: Number((after.worker - before.worker - (heap?.cpuSeconds ?? 0)).toFixed(1)),
      temporal: Number((after.temporal - before.temporal).toFixed(1)),
      postgres: Number((after.postgres - before.postgres).toFixed(1)),
    },
    workerPeakRssMb: heap?.peakRssBeforeMb ?? Math.round(peakRssMb(rig.worker.pid!)),
    heap,
    ...summarise(measures),
    histories: await historiesOf(
      rig,
      cycles.flatMap((c) => [cycleWorkflowId(c.cycleId), ...c.parties.map((p) => partyWorkflowId(c.cycleId, p.code))]),
      parties,
    ),
    rows,
    mails: rig.mail.length - mailsBefore,
  };
}

/** The same Updates, rows and mails through bare Temporal (test/bench/baseline), on the same services. */
async function baselineSide(
  rig: FaultRig,
  valid: ValidCycle[],
  sopu: Side,
  log: (what: string) => void,
): Promise<Side> {
  measures = new Measures();
  const cycles = valid.map((v) => v.input);
  const parties = cycles.reduce((n, c) => n + c.parties.length, 0);
  const taskQueue = `baseline-${Date.now()}`;
  const worker = new SopuProcess(
    'baseline worker',
    'test/bench/baseline/worker.ts',
    { ...rig.env, BASELINE_TASK_QUEUE: taskQueue },
    'baseline worker polling',
  );
  await worker.start();
  // Sopu's rows and mails spread over the same operations: each participant Update, each control, each task opened.
  const updates = Object.values(sopu.updates).reduce((n, u) => n + u.count, 0);
  const controlCount = cycles.length * 6;
  const opens = parties * 5;
  const perOperation = Math.max(1, Math.round(sopu.rows / (updates + controlCount + opens)));
  const costs: Costs = {
    rowsPerUpdate: perOperation,
    rowsPerControl: perOperation,
    rowsPerOpen: perOperation,
    mailsPerOpen: Math.max(1, Math.round(sopu.mails / opens)),
  };
  const id = (c: CycleInput) => `baseline-${c.cycleId}`;
  const before = cpuNow(rig, worker.pid!);
  const mailsBefore = rig.mail.length;
  const started = performance.now();
  log(`baseline: ${cycles.length} parent workflows, ${parties} children; ${JSON.stringify(costs)}`);
  await pool(
    CONCURRENCY,
    cycles.map(
      (c) => () =>
        rig.client.workflow.start(baselineCycle, {
          workflowId: id(c),
          taskQueue,
          args: [{ cycleId: id(c), parties: c.parties.map((p) => p.code), costs }],
        }),
    ),
  );
  const child = (c: CycleInput, code: string) => rig.client.workflow.getHandle(`${id(c)}/party/${code}`);
  await pool(
    8,
    cycles.flatMap((c) =>
      c.parties.map(
        (p) => () =>
          waitFor(async () => void (await child(c, p.code).describe()), { timeoutMs: 600_000, what: 'child' }),
      ),
    ),
  );
  const participant = (kind: string) =>
    pool(
      CONCURRENCY,
      cycles.flatMap((c) =>
        c.parties.map(
          (p) => () =>
            timed(kind, () =>
              child(c, p.code).executeUpdate(participantUpdate, { args: [{ kind, text: `${p.name}: ${kind}` }] }),
            ),
        ),
      ),
    );
  const steer = (name: string) =>
    pool(
      CONCURRENCY,
      cycles.map((c) => async () => {
        const t = performance.now();
        await rig.client.workflow.getHandle(id(c)).executeUpdate(controlUpdate, { args: [{ control: name }] });
        measures.controls.push({
          county: c.countyCode,
          parties: c.parties.length,
          control: name,
          ms: performance.now() - t,
        });
      }),
    );
  await participant('answer (preparation)');
  for (const round of [1, 2]) {
    await steer(`round-${round}`);
    await participant('answer (round)');
  }
  await steer('meeting');
  await participant('registration');
  await steer('minutes');
  await steer('signoff');
  await participant('sign-off');
  let heapMs = 0;
  const heap = await heapAtPeak(worker.pid!, (ms) => (heapMs += ms));
  await steer('finish');
  await pool(
    8,
    cycles.map((c) => () => rig.client.workflow.getHandle(id(c)).result()),
  );
  const wallSeconds = Number(((performance.now() - started - heapMs) / 1000).toFixed(1));
  const after = cpuNow(rig, worker.pid!);
  const rss = heap?.peakRssBeforeMb ?? peakRssMb(worker.pid!);
  const { count } = await rig.db
    .selectFrom('baseline_rows' as never)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const mails = rig.mail.length - mailsBefore;
  await worker.stop();
  return {
    wallSeconds,
    meetingWaitSeconds: 0,
    cpuSeconds: {
      worker: Number((after.worker - before.worker - (heap?.cpuSeconds ?? 0)).toFixed(1)),
      temporal: Number((after.temporal - before.temporal).toFixed(1)),
      postgres: Number((after.postgres - before.postgres).toFixed(1)),
    },
    workerPeakRssMb: Math.round(rss),
    heap,
    ...summarise(measures),
    histories: await historiesOf(
      rig,
      cycles.flatMap((c) => [id(c), ...c.parties.map((p) => `${id(c)}/party/${p.code}`)]),
      parties,
    ),
    rows: Number(count),
    mails,
  };
}

async function main() {
  const runId = Date.now().toString(36);
  const chosen = counties();
  console.log(`[bench] ${chosen.length} counties; ${CONCURRENCY} Updates in flight; starting services`);
  // On a deadline day participants come from many addresses through the county's proxy: the web server trusts the
  // bench's X-Forwarded-For as it would the proxy's, so its per-address limit applies per participant.
  const rig = await startFaultRig(ANSWERS === 'web' ? { webEnv: { SOPU_TRUST_PROXY: '127.0.0.1' } } : {});
  const valid = chosen.map((county) => termCycle(county, runId));
  const parties = valid.reduce((n, v) => n + v.input.parties.length, 0);
  const started = performance.now();
  const log = (what: string) => console.log(`[bench] ${((performance.now() - started) / 1000).toFixed(1)} s: ${what}`);
  const sopu = await sopuSide(rig, valid, log);
  console.log(`[bench] Sopu: ${JSON.stringify(sopu)}`);
  const baseline = await baselineSide(rig, valid, sopu, log);
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  const cpuTotal = (s: Side) => s.cpuSeconds.worker + s.cpuSeconds.temporal + s.cpuSeconds.postgres;
  const p99 = (s: Side) => Math.max(...Object.values(s.updates).map((u) => u.p99));
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
    ratios: {
      wall: ratio(sopu.wallSeconds, baseline.wallSeconds),
      cpu: ratio(cpuTotal(sopu), cpuTotal(baseline)),
      eventsPerParty: ratio(sopu.histories.eventsPerParty, baseline.histories.eventsPerParty),
      participantUpdateP99: ratio(p99(sopu), p99(baseline)),
      workerRss: ratio(sopu.workerPeakRssMb, baseline.workerPeakRssMb),
    },
    sopu,
    baseline,
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
