// A refusal from workflow code: a non-retryable ApplicationFailure of a business type (a plain Error would fail the
// workflow task and retry forever). Request payloads are checked by their declarations (core/requests/check.ts).
import { ApplicationFailure } from '@temporalio/workflow';
import type { ErrorType, Refusal, RefusalDetails } from '../core/contracts';

/** `refusal`, when given, is the reason as data, so that a page can say it in its reader's language. */
export const reject = (message: string, type: (typeof ErrorType)[keyof typeof ErrorType], refusal?: Refusal): never => {
  throw ApplicationFailure.nonRetryable(message, type, ...(refusal ? [{ refusal } satisfies RefusalDetails] : []));
};
