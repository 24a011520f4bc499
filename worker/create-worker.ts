import path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUE } from '../workflows/contracts';

export interface SopuWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  deps: ActivityDeps;
  taskQueue?: string;
  /** Tests bundle the workflow code once and share it; otherwise the worker bundles workflows/ at start-up. */
  workflowBundle?: WorkflowBundle;
}

export const workflowsPath = path.resolve(__dirname, '..', 'workflows', 'index.ts');

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
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
  });
}
