// Sign-in for the secretariat and auditors: accounts from configuration, sessions kept in PostgreSQL (the cookie
// holds only a signed random token, HttpOnly, SameSite=Strict, Secure behind https) and a CSRF token on every form
// that changes something. Signing out or removing the account ends a session at once, on every web server; failed
// sign-ins are recorded and throttled per account and per address.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, failedSignIns, liveSession, recordSignIn, revokeSession } from '../../db/web-sessions';
import { parseAccounts, verifyPassword, type WebRole } from './accounts';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './server';

const COOKIE = 'sopu_session';
const SESSION_HOURS = 8;

export interface StaffUser {
  email: string;
  role: WebRole;
}

/** Failed sign-ins that stop further tries for a while: per account, and per address (one person guessing many). */
const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in secretariat member or auditor, resolved once per request. */
    staff: StaffUser | null;
  }
}

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

function sessionToken(request: FastifyRequest): string | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  const { valid, value } = request.unsignCookie(raw);
  return valid && value ? value : null;
}

export function currentUser(request: FastifyRequest): StaffUser | null {
  return request.staff;
}

/** The signed-in user with one of `roles`; otherwise the reply is sent (sign-in page or 403) and null returned. */
export function requireRole(request: FastifyRequest, reply: FastifyReply, roles: WebRole[]): StaffUser | null {
  const user = currentUser(request);
  if (!user) {
    void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
    return null;
  }
  if (!roles.includes(user.role)) {
    void reply
      .code(403)
      .type('text/html')
      .send(
        page({
          lang: 'en',
          title: 'Forbidden',
          body: html`<h1>Forbidden</h1><div class="error" role="alert">Your role (${user.role}) cannot do this.</div>`,
        }),
      );
    return null;
  }
  return user;
}

export function csrfField(reply: FastifyReply): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">`;
}

export function staffNav(user: StaffUser, reply: FastifyReply): SafeHtml {
  return html`<nav aria-label="Main"><a href="/cycles">Cycles</a> <a href="/compliance">Compliance</a> <span class="muted">${user.email} (${user.role})</span>
    <form class="inline" method="post" action="/logout">${csrfField(reply)}<button type="submit" class="secondary">Sign out</button></form></nav>`;
}

export function registerSession(app: FastifyInstance, deps: WebDeps): void {
  const accounts = parseAccounts(deps.config.web.users);
  const secure = deps.config.publicUrl.startsWith('https:');
  const safeNext = (next: unknown) => (typeof next === 'string' && /^\/[a-z]/.test(next) ? next : '/cycles');

  app.decorateRequest('staff', null);
  app.addHook('preHandler', async (request) => {
    const token = sessionToken(request);
    const session = token ? await liveSession(deps.db, sessionId(token)) : undefined;
    // The account must still be configured with that role: removing it from SOPU_USERS ends its sessions.
    const account = session && accounts.find((a) => a.email === session.email && a.role === session.role);
    request.staff = account ? { email: account.email, role: account.role } : null;
  });
  const loginPage = (reply: FastifyReply, next: string, problem: string | null) =>
    page({
      lang: 'en',
      title: 'Sign in',
      body: html`<h1>Sign in</h1>${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}
        <form method="post" action="/login">${csrfField(reply)}<input type="hidden" name="next" value="${next}">
          <label for="email">Email</label><input type="email" id="email" name="email" autocomplete="username" required>
          <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button></form>
        ${accounts.length ? '' : html`<p class="muted">No accounts are configured: set SOPU_USERS (see README).</p>`}`,
    });

  app.get<{ Querystring: { next?: string } }>('/login', (request, reply) =>
    reply.type('text/html').send(loginPage(reply, safeNext(request.query.next), null)),
  );

  app.post<{ Body: { email?: string; password?: string; next?: string } }>(
    '/login',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const email = request.body.email?.trim().toLowerCase() ?? '';
      const address = request.ip;
      const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
      const failed = await failedSignIns(deps.db, { email, address }, since);
      if (failed.account >= THROTTLE.perAccount || failed.address >= THROTTLE.perAddress) {
        return reply
          .code(429)
          .type('text/html')
          .send(
            loginPage(
              reply,
              safeNext(request.body.next),
              `Too many failed sign-ins; try again in ${THROTTLE.windowMinutes} minutes.`,
            ),
          );
      }
      const account = accounts.find((a) => a.email === email);
      // Verify against a dummy hash too, so the answer takes as long whether or not the account exists.
      const ok =
        verifyPassword(
          account?.hash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          request.body.password ?? '',
        ) && account;
      await recordSignIn(deps.db, { email, address, succeeded: Boolean(ok) });
      if (!ok)
        return reply
          .code(401)
          .type('text/html')
          .send(loginPage(reply, safeNext(request.body.next), 'Wrong email or password.'));
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
      await createSession(deps.db, { id: sessionId(token), email: account.email, role: account.role, expiresAt });
      void reply.setCookie(COOKIE, token, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.redirect(safeNext(request.body.next), 303);
    },
  );

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = sessionToken(request);
    // Ended on the server: a copy of the cookie is worth nothing after this.
    if (token) await revokeSession(deps.db, sessionId(token));
    void reply.clearCookie(COOKIE, { path: '/', secure });
    return reply.redirect('/login', 303);
  });
}
