// A staff session as it is started and read: who, with which role and counties, signed in how. The sign-in page
// (session.ts) and the identity provider's callback (oidc.ts) both start one here.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession } from '../../db/web-sessions';
import { recordStaffEvent } from '../../db/staff-accounts';
import type { WebRole } from './accounts';
import type { WebDeps } from './web-deps';

export const SESSION_COOKIE = 'sopu_session';
const SESSION_HOURS = 8;

/** The session's row id: the SHA-256 of the token in the cookie, so reading the table gives no session away. */
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StaffUser {
  email: string;
  role: WebRole;
  /** The counties whose cycles this person sees; null: every county. */
  counties: string[] | null;
  provider: 'local' | 'oidc';
}

/** Whether a county is in a staff member's scope. */
export const inScope = (user: Pick<StaffUser, 'counties'>, countyCode: string): boolean =>
  user.counties === null || user.counties.includes(countyCode);

/** Starts a session for a person who has proved who they are (a password, or the identity provider), and keeps the
 * sign-in. */
export async function startSession(
  deps: Pick<WebDeps, 'db' | 'config'>,
  request: FastifyRequest,
  reply: FastifyReply,
  user: StaffUser & { idToken?: string },
): Promise<void> {
  const { db } = deps;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await createSession(db, { id: sessionId(token), expiresAt, ...user });
  await recordStaffEvent(db, {
    email: user.email,
    event: 'signed-in',
    provider: user.provider,
    address: request.ip,
    role: user.role,
    counties: user.counties,
  });
  void reply.setCookie(SESSION_COOKIE, token, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

/** Where a sign-in may lead: a page of this site, else the list of cycles (never another site). */
export const safeNext = (next: unknown) => (typeof next === 'string' && /^\/[a-z]/.test(next) ? next : '/cycles');

/** Where a person goes once signed in: where they were going, or their role's own first page. */
export const landing = (role: WebRole, next: string) =>
  role === 'administrator' && next === '/cycles' ? '/admin/accounts' : next;
