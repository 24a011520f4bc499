import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundle,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { buildIdOf, keepWorkflowBundle } from '../db/workflow-bundles';
import { TASK_QUEUE } from '../core/contracts';

export interface SopuWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  deps: ActivityDeps;
  taskQueue?: string;
  /** Built once: at install (worker/workflow-bundle.ts), or once per test run. */
  workflowBundle: WorkflowBundleOption;
}

/** A module of Sopu's by path: its TypeScript source, or the compiled file when this runs from dist/. */
const ownModule = (...parts: string[]) => {
  const stem = path.resolve(__dirname, '..', ...parts);
  return existsSync(`${stem}.ts`) ? `${stem}.ts` : `${stem}.js`;
};

/** workflows/index, the bundle's entry. */
export const workflowsPath = ownModule('workflows', 'index');

/** Webpack's progress is noise outside a worker start-up; its errors are not. */
const bundlerLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

/** Modules loaded once per worker, before any workflow, and shared by every workflow instead of evaluated again in
 * each: zod (core/requests/zod.ts), whose 94 modules every cached workflow held a copy of (docs/performance.md, the
 * heap snapshot). The SDK deep-freezes what it shares; zod keeps no state of a workflow's, and the request schemas,
 * which zod finishes lazily on first use, are built per check rather than shared (core/requests/schema-kit.ts). */
const SHARED_MODULES = [ownModule('core', 'requests', 'zod')];

/** Bundles workflow code (Sopu's by default) once, for replay, verification and tests. */
export const bundleWorkflows = (entry = workflowsPath): Promise<WorkflowBundle> =>
  bundleWorkflowCode({ workflowsPath: entry, logger: bundlerLogger, preloadModules: SHARED_MODULES });

/** Workflow code runs on one thread: tasks taken at once only queue behind each other there, and each one's timeout
 * runs from the moment it is taken. After a restart every open workflow has a task waiting and each replays its whole
 * history, so the worker takes a few at a time (the rest wait in Temporal, where no timeout runs) rather than 40. */
const WORKFLOW_TASK_SLOTS = 8;

/** Every running workflow of a national load (21 cycles and 312 parties) stays cached, so none replays again. */
const CACHED_WORKFLOWS = 1_000;

export async function createSopuWorker(options: SopuWorkerOptions): Promise<Worker> {
  // Kept before any task runs, and named in every workflow task this worker completes (Temporal records the build
  // id in the history), so an audit replays each history with the code that made it. The SDK's own build id hashes
  // the bundle after rewriting its source map for this machine's paths; this one is the bundle as built.
  const bundle = options.workflowBundle;
  const code = 'code' in bundle ? bundle.code : readFileSync(bundle.codePath, 'utf8');
  const sha256 = await keepWorkflowBundle(options.deps.db, code);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createActivities(options.deps),
    workflowBundle: options.workflowBundle,
    maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
    maxCachedWorkflows: CACHED_WORKFLOWS,
    buildId: buildIdOf(sha256),
  });
}
