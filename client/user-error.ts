// What a person is told when a request is not done: a refusal in their terms (UserError), or that it may still be
// recorded (NotConfirmedYet). Light on purpose: every command and page throws them, and loading one loads no client.
import type { Refusal } from '../core/contracts';
import type { RequestIssue } from '../core/requests';

/** The `type` of a UserError about something that does not exist: pages answer it with 404. */
export const NOT_FOUND = 'NotFound';

/** A refusal meant for the person who asked: shown as is, without a stack trace. `type` is the workflow's
 * error type (ErrorType), `issues` what an invalid request got wrong, field by field, and `refusal` the cycle's
 * reason as data, so a page can say it in the user's language. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly type?: string,
    readonly issues: RequestIssue[] = [],
    readonly refusal: Refusal | null = null,
  ) {
    super(message);
  }
}

/** Sent, but its outcome is not known in time (the worker is down, the connection broke): it may still be recorded.
 * Asking for it by its id settles it, and sending it again with the same id cannot act twice. */
export class NotConfirmedYet extends Error {
  constructor(readonly updateId: string) {
    super(
      `not confirmed yet: request ${updateId} may still be recorded. Ask again with the same request id: it returns the receipt once there is one, and cannot act twice`,
    );
  }
}
