// A statutory negotiation cycle between a county and its parties: preparation, consultation rounds, a meeting and
// sign-off. The secretariat steers it through Updates; each party's side runs in its own child workflow
// (cycle/<id>/party/<code>), so no history grows with parties × rounds.
import {
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { archiveCycle } from '../archive/archive-cycle';
import { SEARCH_ATTRIBUTES } from '../../core/contracts/search-attributes';
import { recordCycleStarted } from '../activity-proxies';
import { WORKFLOW_TASK_TIMEOUT, type CycleInput, type CycleResult } from '../../core/contracts';
import { registerControls } from './controls';
import { CycleRunner } from './cycle-runner';
import { CycleState } from './cycle-state';
import { cycleStatusQuery, mailFailedSignal, taskReportSignal } from './messages';

export async function negotiationCycle(input: CycleInput): Promise<CycleResult> {
  const info = workflowInfo();
  const state = new CycleState(input, info.startTime.toISOString());
  const runner = new CycleRunner(state, info.startTime.toISOString(), info.workflowId);
  setHandler(cycleStatusQuery, () => state.status());
  setHandler(taskReportSignal, (report) => state.applyReport(report));
  setHandler(mailFailedSignal, (failure) => void state.mailFailures.push(failure));
  registerControls(runner);

  await state.exclusive(async () => {
    await recordCycleStarted(input, runner.epoch);
    await runner.startParties();
    await runner.openPhase('preparation', 'input', { workingDays: input.schedule.preparationDays });
  });

  // Between controls the cycle moves by itself: a phase closes when its late period ends, and sign-off
  // completes once every party has decided.
  while (!state.ended) {
    const closesAt = state.autoCloseAt();
    const ready = () => state.ended || state.allSignedOff();
    const moved = () => state.autoCloseAt() !== closesAt;
    const ms = closesAt ? Date.parse(closesAt) - Date.now() : null;
    if (patched('complete-when-all-signed')) {
      if (!ready()) {
        if (ms === null) await condition(() => ready() || moved());
        else if (ms > 0) await condition(() => ready() || moved(), ms);
        // A phase opened, closed or got a new deadline: wait again for the new closing moment.
        if (!ready() && moved()) continue;
      }
    } else {
      // Before the patch: when every party had signed off, this looped without yielding. Kept for replay only.
      const changed = () => ready() || moved();
      if (ms === null) await condition(changed);
      else if (ms > 0 && (await condition(changed, ms))) continue;
    }
    await state.exclusive(async () => {
      if (state.ended) return;
      const due = state.autoCloseAt();
      if (state.allSignedOff() || (state.phase === 'signoff' && due && Date.parse(due) <= Date.now()))
        await runner.complete();
      else if (due && Date.parse(due) <= Date.now()) await runner.closeOpenPhase();
    });
  }

  await condition(allHandlersFinished);
  await runner.mailSent();
  await runner.partiesFinished();
  if (patched('search-attributes'))
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.phase, value: state.phase },
      ...(state.outcome ? [{ key: SEARCH_ATTRIBUTES.outcome, value: state.outcome }] : []),
    ]);
  if (patched('archive-histories')) {
    // Left running after this workflow closes: it waits for that, then stores every history in Postgres.
    const workflowIds = [info.workflowId, ...state.status().parties.map((p) => p.workflowId)];
    await startChild(archiveCycle, {
      workflowId: `${info.workflowId}/archive`,
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      args: [input.cycleId, workflowIds],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }
  return { outcome: state.outcome, positions: state.positions(), cancelled: state.phase === 'cancelled' };
}
