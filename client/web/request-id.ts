// Each form carries a one-time request id that becomes the Temporal Update id: the same form sent twice (a double
// click, a resend after a lost answer) is one request, and returns the first receipt. A participant's form binds its
// id to the task and the person it was made for, with an HMAC under the link keys: sent on another link (a resent
// form, a crafted request), it is refused there and recorded nowhere.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { html, type SafeHtml } from './html';

const UUID = /^[0-9a-f-]{36}$/;

export const requestIdField = (value: string = randomUUID()): SafeHtml =>
  html`<input type="hidden" name="request" value="${value}">`;

/** The form's request id as the page made it; a fresh one when it is missing or not one of ours. */
export const requestIdOf = (value: string | undefined): string => (value && UUID.test(value) ? value : randomUUID());

const mac = (secret: string, scope: string, id: string) =>
  createHmac('sha256', secret).update(`request\n${scope}\n${id}`).digest('base64url').slice(0, 22);

/** A fresh request id bound to `scope` (a task and a participant), signed with the newest link key. */
export const boundRequestId = (keys: { secret: string }[], scope: string): string => {
  const id = randomUUID();
  return `${id}.${mac(keys[0]!.secret, scope, id)}`;
};

/** The id of a request bound to `scope`: its UUID; `foreign` when it was made for another scope (or forged); a fresh
 * one when the form carried none (nothing to repeat). */
export function boundRequestIdOf(
  keys: { secret: string }[],
  scope: string,
  value: string | undefined,
): string | 'foreign' {
  if (!value) return randomUUID();
  const [id = '', tag = ''] = value.split('.');
  if (!UUID.test(id) || !tag) return 'foreign';
  const given = Buffer.from(tag);
  const ours = keys.some(({ secret }) => {
    const expected = Buffer.from(mac(secret, scope, id));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return ours ? id : 'foreign';
}
