// The timeline a new cycle is planned to follow, shown before it starts: the preparation deadline with its
// reminders and late answers, then the comment round and sign-off as they would fall at the earliest (each starts
// when the secretariat says, so only its length is fixed). Planned by the same rule the workflow plans by.
import type { Deadline, Schedule } from '../contracts';
import { planDeadline } from './deadline-plan';

export interface PlannedTimeline {
  startsAt: string;
  preparation: Deadline;
  round: Deadline;
  signOff: Deadline;
}

const REAL_TIME = { speed: 1 };

export function plannedTimeline(schedule: Schedule, startsAt: Date): PlannedTimeline {
  const epoch = startsAt.toISOString();
  const plan = (phaseKey: string, workingDays: number, after?: string) =>
    planDeadline(REAL_TIME, {
      cycleId: '',
      epoch,
      phaseKey,
      scope: '*',
      version: 1,
      openedAt: after ?? epoch,
      due: { workingDays },
      schedule,
    });
  const preparation = plan('preparation', schedule.preparationDays);
  const round = plan('round-1', schedule.roundDays, preparation.closesAt.at);
  const signOff = plan('signoff', schedule.signOffDays, round.closesAt.at);
  return { startsAt: epoch, preparation, round, signOff };
}
