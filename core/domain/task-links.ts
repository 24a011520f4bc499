// The link in a task email: an HMAC-signed token naming one participant and one task. Several keys are accepted
// (rotation); the first one signs. The web server verifies the token and checks the task is still open.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkKey {
  id: string;
  secret: string;
}

export interface TaskLinkClaims {
  taskId: string;
  email: string;
  /** Seconds since the epoch. */
  issuedAt: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function signTaskToken(keys: LinkKey[], claims: TaskLinkClaims): string {
  const key = keys[0];
  if (!key) throw new Error('no link signing key configured');
  const payload = b64(JSON.stringify({ k: key.id, t: claims.taskId, e: claims.email, i: claims.issuedAt }));
  return `${payload}.${b64(mac(key.secret, payload))}`;
}

/** The claims of a genuine token, or null for anything forged, malformed or signed with an unknown key. */
export function verifyTaskToken(keys: LinkKey[], token: string): TaskLinkClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  let body: { k?: unknown; t?: unknown; e?: unknown; i?: unknown };
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const key = keys.find((k) => k.id === body.k);
  if (!key || typeof body.t !== 'string' || typeof body.e !== 'string' || typeof body.i !== 'number') return null;
  // Compare the canonical text, not decoded bytes: base64url decoding ignores trailing bits, and a token that
  // differs by a character must not pass.
  const expected = Buffer.from(b64(mac(key.secret, payload)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { taskId: body.t, email: body.e, issuedAt: body.i };
}

export function taskLink(publicUrl: string, keys: LinkKey[], claims: TaskLinkClaims): string {
  return `${publicUrl.replace(/\/$/, '')}/t/${signTaskToken(keys, claims)}`;
}
