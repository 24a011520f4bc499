// Once per run, whatever tiers run: the workflow bundle every test worker and replay shares, and the Temporal
// binaries. The bundle holds Sopu's workflows plus the test-only stand-ins (test/fixtures/test-workflows.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { bundleWorkflows } from '../../worker/create-worker';
import { ensureTemporalBinaries } from '../../worker/dev/temporal-binaries';
import { once } from './once';

declare module 'vitest' {
  export interface ProvidedContext {
    workflowBundlePath: string;
    temporalTestServerPath: string;
    temporalCliPath: string;
  }
}

const shared = once('bundle', async () => {
  const bins = ensureTemporalBinaries((line) => console.log(line));
  const dir = mkdtempSync(path.join(tmpdir(), 'sopu-bundle-'));
  const file = path.join(dir, 'workflow-bundle.js');
  const { code } = await bundleWorkflows(path.join(__dirname, '..', 'fixtures', 'test-workflows.ts'));
  writeFileSync(file, code);
  return { bins, file, stop: async () => rmSync(dir, { recursive: true, force: true }) };
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { value, release } = await shared.acquire();
  project.provide('workflowBundlePath', value.file);
  project.provide('temporalTestServerPath', value.bins.testServer);
  project.provide('temporalCliPath', value.bins.cli);
  return release;
}
