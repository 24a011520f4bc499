// Sign-in for the secretariat and auditors: accounts from configuration, sessions kept in PostgreSQL (the cookie
// holds only a signed random token, HttpOnly, SameSite=Strict, Secure behind https) and a CSRF token on every form
// that changes something. Signing out or removing the account ends a session at once, on every web server; failed
// sign-ins are recorded and throttled per account and per address.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, failedSignIns, liveSession, recordSignIn, revokeSession } from '../../db/web-sessions';
import { parseAccounts, verifyPassword, type WebRole } from './accounts';
import { LANGUAGES, type Language } from '../../core/contracts';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './web-deps';
import { inLanguage, staffLanguage } from './staff-language';
import { STAFF_WORDS } from './words/staff';
import type { StaffWords } from './words/staff-words';

const COOKIE = 'sopu_session';
const SESSION_HOURS = 8;

export interface StaffUser {
  email: string;
  role: WebRole;
}

/** A signed-in reader of a page: who, in which language, and this page's address in each language. */
export interface StaffReader extends StaffUser {
  lang: Language;
  w: StaffWords;
  addressIn: Record<Language, string>;
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

/** The signed-in user with one of `roles`, with the language of the pages; otherwise the reply is sent (sign-in
 * page or 403) and null returned. */
export function requireRole(request: FastifyRequest, reply: FastifyReply, roles: WebRole[]): StaffReader | null {
  const user = currentUser(request);
  const lang = staffLanguage(request, reply);
  const w = STAFF_WORDS[lang];
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
          lang,
          title: w.forbidden.heading,
          body: html`<h1>${w.forbidden.heading}</h1><div class="error" role="alert">${w.forbidden.text(w.roles[user.role])}</div>`,
        }),
      );
    return null;
  }
  const addressIn = Object.fromEntries(LANGUAGES.map((l) => [l, inLanguage(request, l)])) as Record<Language, string>;
  return { ...user, lang, w, addressIn };
}

export function csrfField(reply: FastifyReply): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">`;
}

/** The language switch: each language named in itself, the current one marked. */
const languageNav = (lang: Language, label: string, addressIn: Record<Language, string>) =>
  html`<nav class="lang" aria-label="${label}">${LANGUAGES.map((l) => html`<a href="${addressIn[l]}" lang="${l}" ${l === lang ? html`aria-current="page"` : ''}>${l.toUpperCase()}</a>`)}</nav>`;

export function staffNav(user: StaffReader, reply: FastifyReply): SafeHtml {
  const { w } = user;
  return html`<nav aria-label="${w.nav.main}"><a href="/cycles">${w.nav.cycles}</a> <a href="/compliance">${w.nav.compliance}</a>${user.role === 'secretariat' ? html` <a href="/directory">${w.nav.directory}</a> <a href="/calendar">${w.nav.calendar}</a>` : ''} <span class="muted">${user.email} (${w.roles[user.role]})</span>
    <form class="inline" method="post" action="/logout">${csrfField(reply)}<button type="submit" class="secondary">${w.nav.signOut}</button></form></nav>${languageNav(user.lang, w.nav.language, user.addressIn)}`;
}

/** A staff page: in the reader's language, with the main menu and the language switch. */
export function staffPage(
  user: StaffReader,
  reply: FastifyReply,
  title: string,
  body: SafeHtml,
  refreshSeconds?: number,
): FastifyReply {
  return reply
    .type('text/html')
    .send(page({ lang: user.lang, title, body, nav: staffNav(user, reply), refreshSeconds }));
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
  const loginPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    next: string,
    problem: ((w: StaffWords) => string) | null,
  ) => {
    const lang = staffLanguage(request, reply);
    const w = STAFF_WORDS[lang];
    const addressIn = Object.fromEntries(
      LANGUAGES.map((l) => [l, `/login?lang=${l}&next=${encodeURIComponent(next)}`]),
    ) as Record<Language, string>;
    return page({
      lang,
      title: w.signIn.heading,
      nav: languageNav(lang, w.nav.language, addressIn),
      body: html`<h1>${w.signIn.heading}</h1>${problem ? html`<div class="error" role="alert">${problem(w)}</div>` : ''}
        <form method="post" action="/login">${csrfField(reply)}<input type="hidden" name="next" value="${next}">
          <label for="email">${w.signIn.email}</label><input type="email" id="email" name="email" autocomplete="username" required>
          <label for="password">${w.signIn.password}</label><input type="password" id="password" name="password" autocomplete="current-password" required>
          <button type="submit">${w.signIn.heading}</button></form>
        ${accounts.length ? '' : html`<p class="muted">${w.signIn.noAccounts}</p>`}`,
    });
  };

  app.get<{ Querystring: { next?: string } }>('/login', (request, reply) =>
    reply.type('text/html').send(loginPage(request, reply, safeNext(request.query.next), null)),
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
            loginPage(request, reply, safeNext(request.body.next), (w) => w.signIn.throttled(THROTTLE.windowMinutes)),
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
          .send(loginPage(request, reply, safeNext(request.body.next), (w) => w.signIn.wrong));
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
