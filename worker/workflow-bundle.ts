// The worker runs from a workflow bundle built once — at install (`npm run build`), or at the first start after the
// workflow code changed — rather than bundling with webpack at every start (6–22 s).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowBundlePath } from '@temporalio/worker';
import { bundleWorkflows } from './create-worker';
import { PACKAGE_ROOT } from './package-root';

export const WORKFLOW_BUNDLE_FILE = path.join(PACKAGE_ROOT, 'dist', 'workflow-bundle.js');
const STAMP_FILE = `${WORKFLOW_BUNDLE_FILE}.source-sha256`;

/** Every file below `dir`, in a stable order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** What the bundle is built from: the workflow sources, the core they import, and the locked dependency versions. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(PACKAGE_ROOT, 'workflows')),
    ...filesUnder(path.join(PACKAGE_ROOT, 'core')),
    path.join(PACKAGE_ROOT, 'package-lock.json'),
  ]) {
    hash.update(path.relative(PACKAGE_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildWorkflowBundle(): Promise<void> {
  const source = sourceHash();
  const { code } = await bundleWorkflows();
  mkdirSync(path.dirname(WORKFLOW_BUNDLE_FILE), { recursive: true });
  writeFileSync(WORKFLOW_BUNDLE_FILE, code);
  writeFileSync(STAMP_FILE, `${source}\n`);
}

/** The built bundle, rebuilt first when the workflow code or the dependencies changed since it was built. */
export async function prebuiltWorkflowBundle(log?: (line: string) => void): Promise<WorkflowBundlePath> {
  const fresh = existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8').trim() === sourceHash();
  if (!fresh) {
    log?.('Bundling the workflow code (it changed since the last build)…');
    await buildWorkflowBundle();
  }
  return { codePath: WORKFLOW_BUNDLE_FILE };
}
