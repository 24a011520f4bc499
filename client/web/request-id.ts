// Each form carries a one-time request id that becomes the Temporal Update id: the same form sent twice (a double
// click, a resend after a lost answer) is one request, and returns the first receipt.
import { randomUUID } from 'node:crypto';
import { html, type SafeHtml } from './html';

export const requestIdField = (): SafeHtml => html`<input type="hidden" name="request" value="${randomUUID()}">`;

/** The form's request id as the page made it; a fresh one when it is missing or not one of ours. */
export const requestIdOf = (value: string | undefined): string =>
  value && /^[0-9a-f-]{36}$/.test(value) ? value : randomUUID();
