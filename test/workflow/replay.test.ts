// The replay guard: every history recorded under test/histories must replay against the current workflow code.
// A change that would break running workflows fails here; protect it with patched() instead.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { sharedBundle } from '../support/bundle';

const dir = path.join(__dirname, '..', 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'workflow-ids.json');
/** The id each history's workflow ran under: workflows derive child ids from it, so replay must use the same. */
const workflowIds = JSON.parse(readFileSync(path.join(dir, 'workflow-ids.json'), 'utf8')) as Record<string, string>;

describe('stored histories', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    expect(workflowIds[file], `${file} is listed in workflow-ids.json`).toBeDefined();
    await Worker.runReplayHistory({ workflowBundle: sharedBundle() }, history, workflowIds[file]);
  });
});

describe('an altered history', () => {
  it('fails replay with a non-determinism error: the guard above can fail', async () => {
    const json = JSON.parse(readFileSync(path.join(dir, 'cycle-engine.json'), 'utf8'));
    // The history says the cycle's first step scheduled another activity than the code does.
    const first = json.events.find(
      (e: { activityTaskScheduledEventAttributes?: unknown }) => e.activityTaskScheduledEventAttributes,
    );
    expect(first.activityTaskScheduledEventAttributes.activityType.name).toBe('recordCycleStarted');
    first.activityTaskScheduledEventAttributes.activityType.name = 'recordSomethingElse';
    const replay = Worker.runReplayHistory(
      { workflowBundle: sharedBundle() },
      historyFromJSON(json),
      workflowIds['cycle-engine.json'],
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
