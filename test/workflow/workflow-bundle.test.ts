// Workflow code must bundle for Temporal's deterministic sandbox; a Node-only import has to fail here, in CI,
// rather than when a worker starts in production.
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { sharedBundle } from '../support/bundle';

describe('workflow bundle', () => {
  it('bundles every workflow the worker runs', async () => {
    const { code } = sharedBundle();
    expect(code).toContain('negotiationCycle');
    expect(code).toContain('partyNegotiation');
  });

  it('refuses workflow code that imports a Node module', async () => {
    const workflowsPath = path.join(__dirname, '..', 'fixtures', 'workflow-with-node-import.ts');
    const errors: string[] = [];
    const logger = {
      trace() {},
      debug() {},
      info() {},
      warn() {},
      log() {},
      error: (message: string) => void errors.push(message),
    } as never;
    await expect(bundleWorkflowCode({ workflowsPath, logger })).rejects.toThrow('Webpack finished with errors');
    expect(errors.join('\n')).toContain('Reading from "node:fs" is not handled');
  });
});
