// A refusal from workflow code: a non-retryable ApplicationFailure of a business type (a plain Error would fail the
// workflow task and retry forever). Request payloads are checked by their declarations (core/requests/check.ts).
import { ApplicationFailure } from '@temporalio/workflow';
import type { ErrorType } from '../core/contracts';

export const reject = (message: string, type: (typeof ErrorType)[keyof typeof ErrorType]): never => {
  throw ApplicationFailure.nonRetryable(message, type);
};
