// One coroutine per task: records it, tells its assignees, sends reminders before the deadline, turns it overdue
// when the deadline passes (telling the party's contact and the secretariat), follows extensions, and closes it
// when the cycle closes the phase.
import { condition, patched } from '@temporalio/workflow';
import { closeTask, openTask, setTaskDeadline } from '../activity-proxies';
import type { PartyRuntime } from './party-runtime';
import type { PartyTask } from './party-state';

/** Waits until `at` unless `interrupted` turns true first; returns whether it was interrupted. */
async function waitUntil(at: string, interrupted: () => boolean): Promise<boolean> {
  const ms = Date.parse(at) - Date.now();
  if (ms <= 0) return interrupted();
  return condition(interrupted, ms);
}

/** One mail per person for a missed deadline: the party's contacts and the secretariat get the escalation, which
 * replaces the overdue notice a contact who is also an assignee would get; the other assignees get the notice. A
 * meeting's registration is not an obligation that can be missed: its deadline is the meeting's start, and a party
 * that did not register is seen on the cycle page, not told by mail. */
async function tellOverdue(rt: PartyRuntime, task: PartyTask, secretariat: PartyRuntime['input']['secretariat']) {
  if (task.kind === 'meeting') return;
  const escalated = unique([...rt.state.contacts(), secretariat]);
  const told = new Set(escalated.map((p) => p.email.toLowerCase()));
  const assignees = rt.state.assignees(task).filter((p) => !told.has(p.email.toLowerCase()));
  if (assignees.length) await rt.notify(assignees, { kind: 'overdue', task: rt.facts(task) });
  await rt.notify(escalated, { kind: 'overdue-escalation', task: rt.facts(task) });
}

const unique = <T extends { email: string }>(people: T[]): T[] =>
  people.filter((p, i) => people.findIndex((q) => q.email.toLowerCase() === p.email.toLowerCase()) === i);

export async function superviseTask(rt: PartyRuntime, task: PartyTask): Promise<void> {
  const { state } = rt;
  const secretariat = { ...rt.input.secretariat };
  // An extension may arrive while the task is still being opened; the loop below notices it by this version.
  let version = task.deadline.version;
  if (task.openedByCycle) task.seq++;
  else {
    await rt.serial(task, () =>
      openTask(rt.ref(task), {
        kind: task.kind,
        phaseKey: task.phaseKey,
        deadline: task.deadline,
        documentVersion: task.document?.version ?? null,
        openedAt: new Date().toISOString(),
      }),
    );
    task.seq++;
    await rt.report(task);
  }
  if (!task.mailedByCycle) await rt.notify(state.assignees(task), { kind: 'task-assigned', task: rt.facts(task) });

  const remindersSent = new Set<string>();
  let overdueForVersion = 0;
  while (task.closing === null) {
    if (task.deadline.version !== version) {
      version = task.deadline.version;
      await rt.serial(task, () =>
        setTaskDeadline(rt.ref(task), task.deadline, new Date().toISOString(), secretariat.email),
      );
      if (task.status === 'overdue') await rt.setStatus(task, 'open', secretariat.email);
      await rt.notify(state.assignees(task), {
        kind: task.kind === 'meeting' ? 'meeting-changed' : 'deadline-extended',
        task: rt.facts(task),
      });
    }
    const reminder = task.deadline.reminders.find(
      (r) => !remindersSent.has(`${version}:${r.workingDaysBefore}`) && Date.parse(r.at) > Date.now(),
    );
    const deadlinePending = overdueForVersion !== version;
    const next = reminder?.at ?? (deadlinePending ? task.deadline.at : null);
    const interrupted = () => task.closing !== null || task.deadline.version !== version;
    if (next === null) {
      await condition(interrupted);
      continue;
    }
    if (await waitUntil(next, interrupted)) continue;
    if (reminder) {
      remindersSent.add(`${version}:${reminder.workingDaysBefore}`);
      if (task.status === 'open')
        await rt.notify(state.assignees(task), {
          kind: 'reminder',
          task: rt.facts(task),
          workingDaysBefore: reminder.workingDaysBefore,
        });
      continue;
    }
    overdueForVersion = version;
    if (task.status === 'open') {
      await rt.setStatus(task, 'overdue', 'system');
      if (patched('overdue-mail-once')) await tellOverdue(rt, task, secretariat);
      else {
        await rt.notify(state.assignees(task), { kind: 'overdue', task: rt.facts(task) });
        await rt.notify([...state.contacts(), secretariat], { kind: 'overdue-escalation', task: rt.facts(task) });
      }
    }
  }

  task.closed = true;
  if (task.kind === 'comment' && task.closing === 'phase-closed' && patched('round-closed-notice')) {
    await rt.notify(state.assignees(task), { kind: 'round-closed', task: rt.facts(task) });
  }
  if (task.kind === 'meeting' && task.closing === 'cancelled' && patched('meeting-cancelled-notice')) {
    await rt.notify(state.assignees(task), { kind: 'meeting-cancelled', task: rt.facts(task) });
  }
  // The cycle that closed the task knows how it ends (the same rule): nothing to report back then.
  const report = !task.closedInCycle;
  if (task.status === 'open' || task.status === 'overdue') {
    await rt.setStatus(task, task.closing === 'cancelled' ? 'cancelled' : 'no_response', 'system', report);
  } else {
    task.seq++;
    await rt.serial(task, () => closeTask(rt.ref(task), new Date().toISOString()));
    if (report) await rt.report(task);
  }
}
