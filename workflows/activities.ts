// The activity proxies the workflows use. Records retry until the database takes them; a permanent mail
// failure is final (it is in the outbox for the secretariat to see).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorType } from './contracts';

export const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: [ErrorType.notParticipant] },
});

export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: [ErrorType.permanentMailFailure] },
});
