// How long a worker that starts cold takes to replay the stored histories (the longest is a whole Pirkanmaa term
// cycle): what its first workflow task after a restart does for each open workflow, to hold against
// WORKFLOW_TASK_TIMEOUT. Each history is replayed `--times` times, each time by a new replay worker (so the figure
// includes creating one: an upper bound). Run: node --import tsx test/bench/replay-cold.ts [--times 8]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { prebuiltWorkflowBundle } from '../../worker/workflow-bundle';
import '../support/quiet-runtime';

const dir = path.join(__dirname, '..', 'histories');
const workflowIds = JSON.parse(readFileSync(path.join(dir, 'workflow-ids.json'), 'utf8')) as Record<string, string>;
const timesArg = process.argv.indexOf('--times');
const times = timesArg > 0 ? Number(process.argv[timesArg + 1]) : 8;

async function main() {
  const workflowBundle = await prebuiltWorkflowBundle();
  for (const file of Object.keys(workflowIds)) {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const history = historyFromJSON(json);
    const started = Date.now();
    const each: number[] = [];
    for (let i = 0; i < times; i++) {
      const before = Date.now();
      await Worker.runReplayHistory({ workflowBundle, replayName: 'bench' }, history, workflowIds[file]);
      each.push(Date.now() - before);
    }
    console.log(
      `${file}: ${json.events.length} events; ${times} replays in ${Date.now() - started} ms; first ${each[0]} ms, then median ${each.slice(1).sort((a, b) => a - b)[Math.floor((times - 1) / 2)] ?? '-'} ms`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
