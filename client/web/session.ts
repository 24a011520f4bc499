// Sign-in for the secretariat and auditors: accounts kept in PostgreSQL (db/staff-accounts.ts), each scoped to its
// counties, sessions kept there too (the cookie holds only a signed random token, HttpOnly, SameSite=Strict, Secure
// behind https) and a CSRF token on every form that changes something. Signing out or removing the account ends a
// session at once, on every web server; failed sign-ins are throttled per account and per address, and every
// sign-in, sign-out and refusal is kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failedSignIns, liveSession, recordSignIn, revokeSession } from '../../db/web-sessions';
import { recordStaffEvent, staffAccount, staffAccounts } from '../../db/staff-accounts';
import { verifyPassword, type WebRole } from './accounts';
import { providerSignOut } from './oidc';
import { landing, safeNext, SESSION_COOKIE, sessionId, startSession, type StaffUser } from './staff-session';
import { LANGUAGES, type Language } from '../../core/contracts';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './web-deps';
import { inLanguage, staffLanguage } from './staff-language';
import { ACCOUNTS_WORDS } from './words/accounts-words';
import { STAFF_WORDS } from './words/staff';
import type { StaffWords } from './words/staff-words';

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

function sessionToken(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
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
  // Each role's own pages: an administrator keeps accounts and reads no cycle.
  const links =
    user.role === 'administrator'
      ? html`<a href="/admin/accounts">${ACCOUNTS_WORDS[user.lang].nav}</a>`
      : html`<a href="/cycles">${w.nav.cycles}</a> <a href="/compliance">${w.nav.compliance}</a>${user.role === 'secretariat' ? html` <a href="/directory">${w.nav.directory}</a> <a href="/calendar">${w.nav.calendar}</a>` : html` <a href="/audit/sign-ins">${w.signIns.nav}</a>`}`;
  return html`<nav aria-label="${w.nav.main}">${links} <span class="muted">${user.email} (${w.roles[user.role]}${user.counties ? `: ${user.counties.join(', ')}` : ''})</span>
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
  const secure = deps.config.publicUrl.startsWith('https:');
  const oidc = deps.config.web.oidc ?? null;

  app.decorateRequest('staff', null);
  app.addHook('preHandler', async (request) => {
    const token = sessionToken(request);
    const session = token ? await liveSession(deps.db, sessionId(token)) : undefined;
    if (!session) return void (request.staff = null);
    if (session.provider !== 'local') {
      // Signed in through the identity provider: role and scope as its claims gave them, for the session's hours.
      const { email, role, counties } = session;
      return void (request.staff = { email, role, counties, provider: 'oidc' });
    }
    // A local account must still exist with that role: removing it ends its sessions; its scope is read each time.
    const account = await staffAccount(deps.db, session.email);
    request.staff =
      account && account.role === session.role
        ? { email: account.email, role: account.role, counties: account.counties, provider: 'local' }
        : null;
  });
  const loginPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    next: string,
    problem: ((w: StaffWords) => string) | null,
    hasAccounts = true,
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
        ${oidc ? html`<p><a class="button" href="/login/oidc?next=${encodeURIComponent(next)}">${w.signIn.withProvider(oidc.name)}</a></p><h2>${w.signIn.orLocal}</h2>` : ''}
        <form method="post" action="/login">${csrfField(reply)}<input type="hidden" name="next" value="${next}">
          <label for="email">${w.signIn.email}</label><input type="email" id="email" name="email" autocomplete="username" required>
          <label for="password">${w.signIn.password}</label><input type="password" id="password" name="password" autocomplete="current-password" required>
          <button type="submit">${w.signIn.heading}</button></form>
        ${hasAccounts ? '' : html`<p class="muted">${w.signIn.noAccounts}</p>`}`,
    });
  };

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    // The hint for a machine with no account yet; a database that does not answer gives no hint (the form still
    // shows, and signing in says what went wrong).
    const hasAccounts = await staffAccounts(deps.db).then(
      (a) => a.length > 0,
      () => true,
    );
    return reply.type('text/html').send(loginPage(request, reply, safeNext(request.query.next), null, hasAccounts));
  });

  app.post<{ Body: { email?: string; password?: string; next?: string } }>(
    '/login',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const email = request.body.email?.trim().toLowerCase() ?? '';
      const address = request.ip;
      const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
      const failed = await failedSignIns(deps.db, { email, address }, since);
      const event = { email, address, provider: 'local' };
      if (failed.account >= THROTTLE.perAccount || failed.address >= THROTTLE.perAddress) {
        await recordStaffEvent(deps.db, { ...event, event: 'refused', reason: 'throttled' });
        return reply
          .code(429)
          .type('text/html')
          .send(
            loginPage(request, reply, safeNext(request.body.next), (w) => w.signIn.throttled(THROTTLE.windowMinutes)),
          );
      }
      const account = await staffAccount(deps.db, email);
      // Verify against a dummy hash too, so the answer takes as long whether or not the account exists.
      const ok =
        verifyPassword(
          account?.passwordHash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          request.body.password ?? '',
        ) && account;
      await recordSignIn(deps.db, { email, address, succeeded: Boolean(ok) });
      if (!ok) {
        // A known person's refusal is for the auditors of that person's counties.
        await recordStaffEvent(deps.db, {
          ...event,
          event: 'refused',
          reason: account ? 'wrong-password' : 'no-account',
          role: account?.role ?? null,
          counties: account?.counties ?? null,
        });
        return reply
          .code(401)
          .type('text/html')
          .send(loginPage(request, reply, safeNext(request.body.next), (w) => w.signIn.wrong));
      }
      const { role, counties } = account;
      await startSession(deps, request, reply, { email, role, counties, provider: 'local' });
      return reply.redirect(landing(role, safeNext(request.body.next)), 303);
    },
  );

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = sessionToken(request);
    const session = token ? await liveSession(deps.db, sessionId(token)) : undefined;
    // Ended on the server: a copy of the cookie is worth nothing after this.
    if (token) await revokeSession(deps.db, sessionId(token));
    const user = request.staff;
    if (user)
      await recordStaffEvent(deps.db, {
        email: user.email,
        event: 'signed-out',
        provider: user.provider,
        address: request.ip,
        role: user.role,
        counties: user.counties,
      });
    void reply.clearCookie(SESSION_COOKIE, { path: '/', secure });
    // Signed in through the organisation's provider: signed out there too.
    const elsewhere = session?.provider === 'oidc' ? await providerSignOut(deps, session.idToken) : null;
    return reply.redirect(elsewhere ?? '/login', 303);
  });
}
