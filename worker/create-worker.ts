import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundle,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUE } from '../workflows/contracts';

export interface SopuWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  deps: ActivityDeps;
  taskQueue?: string;
  /** Built once: at install (worker/workflow-bundle.ts), or once per test run. */
  workflowBundle: WorkflowBundleOption;
}

/** workflows/index: its TypeScript source, or the compiled file when this runs from dist/. */
const workflowsDir = path.resolve(__dirname, '..', 'workflows');
export const workflowsPath = existsSync(path.join(workflowsDir, 'index.ts'))
  ? path.join(workflowsDir, 'index.ts')
  : path.join(workflowsDir, 'index.js');

/** Webpack's progress is noise outside a worker start-up; its errors are not. */
const bundlerLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

/** Bundles workflow code (Sopu's by default) once, for replay, verification and tests. */
export const bundleWorkflows = (entry = workflowsPath): Promise<WorkflowBundle> =>
  bundleWorkflowCode({ workflowsPath: entry, logger: bundlerLogger });

export function createSopuWorker(options: SopuWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createActivities(options.deps),
    workflowBundle: options.workflowBundle,
  });
}
