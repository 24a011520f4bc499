import type { CycleStatus, TaskReport } from '../workflows/contracts';

/** A task's state in a word or two; `openMark` flags a task that still takes answers. */
export function taskMark(task: TaskReport | undefined, openMark: string, none = ''): string {
  if (!task) return none;
  return `${task.decision ?? task.status}${task.late ? ' (late)' : ''}${task.closed ? '' : openMark}`;
}

const mark = (task: TaskReport | undefined): string => taskMark(task, '*', '·');

/** A parties × phases table; `*` marks a task that still takes answers. */
export function formatCycleStatus(status: CycleStatus): string {
  const phases = Object.keys(status.deadlines);
  const open = status.openPhaseKey ? status.deadlines[status.openPhaseKey] : null;
  const lines = [
    `${status.title} (${status.cycleId})`,
    `phase: ${status.phase}${status.openPhaseKey ? ` (${status.openPhaseKey} open${open ? `, deadline ${open.nominal}` : ''})` : ''}${status.outcome ? `, outcome: ${status.outcome}` : ''}${status.cancelReason ? `, cancelled: ${status.cancelReason}` : ''}`,
    ...status.documents.map(
      (d) =>
        `draft v${d.version}: ${d.title} sha256 ${d.sha256}${status.finalDocument?.version === d.version ? ' (final)' : ''}`,
    ),
    ...(status.meeting
      ? [
          `meeting: ${status.meeting.startsAt} ${[status.meeting.location, status.meeting.link].filter(Boolean).join(', ')}${status.minutesRecorded ? ' (minutes recorded)' : ''}`,
        ]
      : []),
    '',
    ['party'.padEnd(34), ...phases.map((p) => p.padEnd(20))].join(' '),
  ];
  for (const party of status.parties) {
    lines.push(
      [
        `${party.code} ${party.name}`.slice(0, 34).padEnd(34),
        ...phases.map((p) => mark(party.tasks[p]).padEnd(20)),
      ].join(' '),
    );
  }
  return lines.join('\n');
}
