// Sign-in for the secretariat and auditors: accounts from configuration, a signed session cookie (HttpOnly,
// SameSite=Strict) and a CSRF token on every form that changes something.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseAccounts, verifyPassword, type WebRole } from './accounts';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './server';

const COOKIE = 'sopu_session';
const SESSION_HOURS = 8;

export interface StaffUser {
  email: string;
  role: WebRole;
}

export function currentUser(request: FastifyRequest): StaffUser | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  const { valid, value } = request.unsignCookie(raw);
  if (!valid || !value) return null;
  const [email, role, expires] = value.split('|');
  if (!email || (role !== 'secretariat' && role !== 'auditor') || Number(expires) < Date.now()) return null;
  return { email, role };
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
  const safeNext = (next: unknown) => (typeof next === 'string' && /^\/[a-z]/.test(next) ? next : '/cycles');

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
    (request, reply) => {
      const email = request.body.email?.trim().toLowerCase() ?? '';
      const account = accounts.find((a) => a.email === email);
      // Verify against a dummy hash too, so the answer takes as long whether or not the account exists.
      const ok =
        verifyPassword(
          account?.hash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          request.body.password ?? '',
        ) && account;
      if (!ok)
        return reply
          .code(401)
          .type('text/html')
          .send(loginPage(reply, safeNext(request.body.next), 'Wrong email or password.'));
      const value = `${account.email}|${account.role}|${Date.now() + SESSION_HOURS * 3_600_000}`;
      void reply.setCookie(COOKIE, value, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.redirect(safeNext(request.body.next), 303);
    },
  );

  app.post('/logout', { preHandler: app.csrfProtection }, (_request, reply) => {
    void reply.clearCookie(COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
}
