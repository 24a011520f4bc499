// Staff accounts on the web, for an administrator: the accounts of their counties (or of all, for an administrator
// of every county), added, changed and removed; removing one ends its sessions at once. An administrator gives no
// more than they have: an account's counties must be among theirs.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { STAFF_ROLES, TIME_ZONE, type StaffRole } from '../../core/contracts';
import { referenceOn } from '../../db/reference-store';
import { removeStaffAccount, saveStaffAccount, staffAccount, staffAccounts } from '../../db/staff-accounts';
import { hashPassword } from './accounts';
import { readForm, type Fields } from './forms';
import { html } from './html';
import { csrfField, requireRole, staffPage, type StaffReader } from './session';
import type { WebDeps } from './web-deps';
import { ACCOUNTS_WORDS } from './words/accounts-words';

/** Whether an account's counties are all within the administrator's. */
const within = (admin: StaffReader, counties: string[] | null) =>
  admin.counties === null || (counties !== null && counties.every((c) => admin.counties!.includes(c)));

export function registerAccountsPage(app: FastifyInstance, deps: WebDeps): void {
  const { db } = deps;

  async function accountsPage(user: StaffReader, reply: FastifyReply, notice: { ok: boolean; text: string } | null) {
    const a = ACCOUNTS_WORDS[user.lang];
    const reference = await referenceOn(db, DateTime.now().setZone(TIME_ZONE).toISODate()!);
    const counties = [...reference.counties.values()]
      .filter((c) => c.code !== '91' && within(user, [c.code]))
      .sort((x, y) => x.name[user.lang].localeCompare(y.name[user.lang], user.lang));
    const accounts = (await staffAccounts(db)).filter((acc) => within(user, acc.counties));
    const csrf = csrfField(reply);
    const body = html`<h1>${a.heading}</h1>${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}<p>${a.intro}</p>
      <table><thead><tr><th scope="col">${a.email}</th><th scope="col">${a.role}</th><th scope="col">${a.counties}</th><th scope="col">${a.signIn}</th><th scope="col">${a.actions}</th></tr></thead><tbody>${accounts.map(
        (acc) =>
          html`<tr><td>${acc.email}</td><td>${user.w.roles[acc.role]}</td><td>${acc.counties ? acc.counties.join(', ') : a.everyCounty}</td><td>${acc.passwordHash ? a.password : a.providerOnly}</td><td>${acc.email === user.email ? '' : html`<form class="inline" method="post" action="/admin/accounts/remove">${csrf}<input type="hidden" name="email" value="${acc.email}"><button type="submit" class="secondary" aria-label="${a.removeOf(acc.email)}">${a.remove}</button></form>`}</td></tr>`,
      )}</tbody></table>
      <form method="post" action="/admin/accounts"><fieldset><legend>${a.add}</legend>${csrf}
        <label for="account-email">${a.email}</label><input type="email" id="account-email" name="email" required>
        <label for="account-role">${a.role}</label><select id="account-role" name="role">${STAFF_ROLES.map((r) => html`<option value="${r}">${user.w.roles[r]}</option>`)}</select>
        <fieldset><legend>${a.counties}</legend>${user.counties === null ? html`<label class="check"><input type="checkbox" name="county.all" value="yes"> ${a.everyCounty}</label>` : ''}${counties.map((c) => html`<label class="check"><input type="checkbox" name="county.${c.code}" value="yes"> ${c.name[user.lang]} (${c.code})</label>`)}</fieldset>
        <label for="account-password">${a.password}</label><p class="hint" id="account-password-hint">${a.passwordHint}</p><input type="password" id="account-password" name="password" autocomplete="new-password" aria-describedby="account-password-hint">
        <button type="submit">${a.save}</button></fieldset></form>`;
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), a.heading, body);
  }

  app.get('/admin/accounts', async (request, reply) => {
    const user = requireRole(request, reply, ['administrator']);
    if (user) return accountsPage(user, reply, null);
  });

  app.post('/admin/accounts', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['administrator']);
    if (!user) return;
    const a = ACCOUNTS_WORDS[user.lang];
    const { fields } = await readForm(request);
    const email = (fields.email ?? '').trim().toLowerCase();
    const role = fields.role as StaffRole;
    const counties = countiesOf(fields);
    const password = fields.password ?? '';
    const problem = !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
      ? a.badEmail
      : !STAFF_ROLES.includes(role) || (counties !== null && !counties.length)
        ? a.noCounty
        : password && password.length < 12
          ? a.shortPassword
          : !within(user, counties)
            ? a.notYours
            : null;
    const existing = await staffAccount(db, email);
    if (problem || (existing && !within(user, existing.counties)))
      return accountsPage(user, reply, { ok: false, text: problem ?? a.notYours });
    await saveStaffAccount(db, {
      email,
      role,
      counties,
      // An existing account keeps its password unless a new one is given.
      ...(password ? { passwordHash: hashPassword(password) } : existing ? {} : { passwordHash: null }),
      source: 'web',
    });
    return accountsPage(user, reply, { ok: true, text: a.saved(email) });
  });

  app.post('/admin/accounts/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['administrator']);
    if (!user) return;
    const a = ACCOUNTS_WORDS[user.lang];
    const { fields } = await readForm(request);
    const email = (fields.email ?? '').toLowerCase();
    const account = await staffAccount(db, email);
    if (email === user.email) return accountsPage(user, reply, { ok: false, text: a.notYourself });
    if (!account || !within(user, account.counties)) return accountsPage(user, reply, { ok: false, text: a.notYours });
    await removeStaffAccount(db, email);
    return accountsPage(user, reply, { ok: true, text: a.removed(email) });
  });
}

/** The counties ticked on the form; null for every county. */
function countiesOf(f: Fields): string[] | null {
  if (f['county.all'] === 'yes') return null;
  return Object.keys(f)
    .map((k) => /^county\.(\d{2})$/.exec(k)?.[1])
    .filter((c): c is string => c !== undefined && f[`county.${c}`] === 'yes')
    .sort();
}
