// The activities the workflows call, one proxy per timeout and retry setting, each activity named here so a reader
// sees which setting it runs with. Records retry until the database takes them; a permanent mail failure is final
// (it is in the outbox for the secretariat to see).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorType } from '../core/contracts';

export const {
  recordCycleStarted,
  setPhase,
  planDeadline,
  storeDocument,
  markFinal,
  recordMeeting,
  recordMinutes,
  recordControl,
  recordOutcome,
  issueAgreement,
  recordCancelled,
  openTask,
  openTasks,
  setTaskStatus,
  setTaskDeadline,
  closeTask,
  recordResponse,
  recordSignOff,
  recordAttendees,
  replaceParticipant,
} = proxyActivities<Activities>({
  // A write takes milliseconds; one a killed worker was doing is tried again after this long.
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [ErrorType.notParticipant],
  },
});

/** A message may wait its turn behind a phase's task mails (activities/mail/mail-slots.ts): it beats the heartbeat
 * meanwhile, so a worker that died is seen in 20 seconds, and a long wait is not taken for one. */
export const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '2 seconds',
    // Deadlines run while the mail server is away: once it is back, mail goes within two minutes.
    maximumInterval: '2 minutes',
    nonRetryableErrorTypes: [ErrorType.permanentMailFailure],
  },
});

/** One notice to several people (a phase's tasks to every party, the minutes to a party's people): more messages,
 * the same retries as one. A worker killed mid-notice is seen by the missing heartbeat (the activity beats every
 * 5 seconds): without it, the notice's messages waited for its whole start-to-close timeout before they were tried
 * again (the fault suite's killed worker, docs/performance.md). */
export const { notifyEach } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes' },
});

/** The cycle is still closing when archiving starts: retried until Temporal reports every workflow closed. */
export const { archiveHistories } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export const { buildScheduledCycle } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/** THL's figures: THL may be away for a while (a maintenance break, a network fault). Tried again with waits that
 * double; after the last attempt the cached figures stay as they were, and the pages say when they were fetched. */
export const thlFetching = (retry: { attempts: number; firstRetrySeconds: number }) =>
  proxyActivities<Activities>({
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '2 minutes',
    retry: {
      initialInterval: `${retry.firstRetrySeconds} seconds`,
      backoffCoefficient: 2,
      maximumAttempts: retry.attempts,
      nonRetryableErrorTypes: ['ThlOff'],
    },
  });
