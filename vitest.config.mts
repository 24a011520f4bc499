import { defineConfig } from 'vitest/config';

// The test pyramid, one project per tier, run in this order. `unit` needs no service at all; `workflow` runs
// workflow code in Temporal's sandbox (time-skipping server, replay) with stub activities; `integration` and `e2e`
// share one PostgreSQL database and one Temporal dev server, and the workflow bundle built once per run; `faults`
// takes its own services away and gives them back (test/faults); `smoke` runs `npm start` as on a machine with
// nothing installed.
const tier = (name: string, order: number, globalSetup: string[], extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    globalSetup,
    // Tiers that load the Temporal worker keep its runtime quiet; unit tests never load it.
    setupFiles: name === 'unit' ? [] : ['test/support/quiet-runtime.ts'],
    sequence: { groupOrder: order },
    ...extra,
  },
});
const bundle = 'test/support/bundle-setup.ts';
const services = 'test/support/services-setup.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files that each run a worker take turns rather than starve each other.
    fileParallelism: false,
    // The tiers' own times, printed after vitest's summary (test/support/tier-times.mts).
    reporters: ['default', './test/support/tier-times.mts'],
    projects: [
      // Worker threads start faster than forked processes, and unit tests hold no process-wide state.
      tier('unit', 0, [], { fileParallelism: true, pool: 'threads' }),
      tier('workflow', 1, [bundle]),
      tier('integration', 2, [bundle, services]),
      tier('e2e', 3, [bundle, services]),
      tier('faults', 4, []),
      tier('smoke', 5, []),
    ],
  },
});
