// The run's shared workflow bundle (test/support/bundle-setup.ts), read once per test file.
import { readFileSync } from 'node:fs';
import type { WorkflowBundle } from '@temporalio/worker';
import { inject } from 'vitest';

let bundle: WorkflowBundle | undefined;

export function sharedBundle(): WorkflowBundle {
  bundle ??= { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
  return bundle;
}
