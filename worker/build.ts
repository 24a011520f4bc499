// `npm run build` (run at install too): the code compiled to JavaScript in dist/, so `sopu` starts without a
// TypeScript compiler, and the workflow code bundled once for the worker.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from './package-root';
import { buildWorkflowBundle, filesUnder } from './workflow-bundle';

const ROOMS = ['core', 'activities', 'client', 'db', 'worker', 'workflows'];
const dist = path.join(PACKAGE_ROOT, 'dist');

const sources = (dir: string) => filesUnder(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: ROOMS.flatMap((room) => sources(path.join(PACKAGE_ROOT, room))),
    outdir: dist,
    outbase: PACKAGE_ROOT,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const data = path.join(PACKAGE_ROOT, 'db', 'reference-data');
  mkdirSync(path.join(dist, 'db', 'reference-data'), { recursive: true });
  for (const file of readdirSync(data))
    copyFileSync(path.join(data, file), path.join(dist, 'db', 'reference-data', file));
  chmodSync(path.join(dist, 'worker', 'sopu.js'), 0o755);
  await buildWorkflowBundle();
  console.log(
    `Built dist/ (the sopu command and the workflow bundle) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((err) => {
  console.error(`Build failed: ${(err as Error).message}`);
  process.exit(1);
});
