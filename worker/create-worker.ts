import path from 'node:path';
import { NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
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

export function createSopuWorker(options: SopuWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createActivities(options.deps),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
  });
}
