// The party directory on the web: a county's parties and people, added, edited and removed one at a time, imported
// from the spreadsheets counties keep (refused rows fixed on the page), exported and downloaded as a template. A
// change to a person who acts in a running negotiation offers the replacement there instead of changing it silently.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../../../core/contracts';
import { checkDirectoryRow, checkDirectoryRows, type DirectoryEntry } from '../../../../core/domain/directory-rows';
import { directoryProblemIn } from '../../../../core/domain/directory-words';
import { partyNameIn } from '../../../../core/domain/local-names';
import type { ReferenceData } from '../../../../core/domain/reference';
import {
  counterpartsOf,
  directoryChanges,
  directoryOf,
  knownParties,
  openCyclesWith,
  removeCounterpart,
  removeDirectoryEntry,
  replaceDirectoryParties,
  saveDirectoryEntry,
  setCounterpart,
} from '../../../../db/directory';
import { referenceOn } from '../../../../db/reference-store';
import { directoryWorkbook, readDirectorySheet } from '../../../directory-sheets';
import { readForm, type Fields } from '../../forms';
import { html } from '../../html';
import { notFoundPage } from '../../scope';
import { csrfField, requireRole, staffPage, type StaffReader } from '../../session';
import { inScope } from '../../staff-session';
import { MAX_UPLOAD_BYTES, type WebDeps } from '../../web-deps';
import { DIRECTORY_WORDS } from '../../words/directory-words';
import { readStaffForm } from '../common';
import { directoryBody, entryFields, offersBody, type DirectoryChangeRow } from './directory-views';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => DateTime.now().setZone(TIME_ZONE).toISODate()!;

/** The county a party belongs to: a county is its own, a municipality its county's. */
const countyOf = (reference: ReferenceData, code: string) =>
  /^\d{2}$/.test(code) ? code : (reference.municipalities.get(code)?.countyCode ?? null);

/** A county's parties in the order a page lists them: the county, then its municipalities by name. */
function partiesOf(reference: ReferenceData, county: string, lang: StaffReader['lang']) {
  const municipalities = [...reference.municipalities.values()]
    .filter((m) => m.countyCode === county)
    .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  return [county, ...municipalities.map((m) => m.code)];
}

export function registerDirectoryRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { db } = deps;
  /** Whether a party belongs to one of the reader's counties. */
  const mine = async (user: StaffReader, partyCode: string) =>
    inScope(user, countyOf(await referenceOn(db, today()), partyCode) ?? '');

  async function directoryPage(
    user: StaffReader,
    reply: FastifyReply,
    county: string | null,
    notice: { ok: boolean; text: string } | null,
  ) {
    const dw = DIRECTORY_WORDS[user.lang];
    const reference = await referenceOn(db, today());
    const names = (code: string) => partyNameIn(reference, code, code, user.lang);
    const counties = [...reference.counties.values()]
      .filter((c) => c.code !== '91' && inScope(user, c.code))
      .map((c) => ({ code: c.code, name: c.name[user.lang] }))
      .sort((a, b) => a.name.localeCompare(b.name, user.lang));
    const chosen = county && reference.counties.has(county) && inScope(user, county) ? county : null;
    const codes = chosen ? partiesOf(reference, chosen, user.lang) : [];
    const entries = (await directoryOf(db, codes)) as (DirectoryEntry & { party_code: string })[];
    const pairs = await counterpartsOf(db, codes);
    const parties = codes.map((code) => ({
      code,
      name: names(code),
      municipality: code.length === 3,
      entries: entries.filter((e) => e.party_code === code),
      pairs: pairs.filter((p) => p.party_code === code),
    }));
    const changes = (await directoryChanges(db, codes)) as DirectoryChangeRow[];
    const body = directoryBody(
      user,
      dw,
      { counties, county: chosen, parties, changes, names },
      notice,
      csrfField(reply),
    );
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), dw.heading, body);
  }

  /** One person's form on a page of its own: to edit, or to fix what the check refused. */
  async function entryPage(
    user: StaffReader,
    reply: FastifyReply,
    values: Fields,
    problems: Parameters<typeof entryFields>[4],
    message?: string,
  ) {
    const dw = DIRECTORY_WORDS[user.lang];
    const reference = await referenceOn(db, today());
    const party = partyNameIn(reference, values.party_code ?? '', values.party_code ?? '', user.lang);
    const previous = values.previous_email
      ? html`<input type="hidden" name="previous_email" value="${values.previous_email}"><input type="hidden" name="previous_role" value="${values.previous_role ?? ''}">`
      : '';
    const heading = values.previous_email ? dw.editOf(values.name ?? '', party) : dw.addTo(party);
    const body = html`<h1>${heading}</h1>${problems?.length || message ? html`<div class="error" role="alert">${message ?? dw.entryProblems}</div>` : ''}
      <form method="post" action="/directory/entries">${csrfField(reply)}${previous}${entryFields(user, dw, 'entry', values, problems)}<button type="submit">${dw.save}</button></form>
      <p><a href="/directory?county=${countyOf(reference, values.party_code ?? '') ?? ''}">${dw.backToDirectory}</a></p>`;
    return staffPage(user, reply.code(problems?.length || message ? 422 : 200), heading, body);
  }

  app.get<{ Querystring: { county?: string; done?: string } }>('/directory', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const dw = DIRECTORY_WORDS[user.lang];
    const done = request.query.done === 'saved' ? dw.saved : request.query.done === 'removed' ? dw.removed : null;
    return directoryPage(user, reply, request.query.county ?? null, done ? { ok: true, text: done } : null);
  });

  app.get<{ Querystring: { party?: string; email?: string; role?: string } }>(
    '/directory/entry',
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat']);
      if (!user) return;
      const { party = '', email = '', role = '' } = request.query;
      const entry = (await directoryOf(db, [party])).find((e) => e.email === email && e.role === role);
      if (!entry || !(await mine(user, party))) return reply.redirect('/directory', 303);
      const { name, language } = entry;
      const values = { party_code: party, name, email, role, language: language ?? '' };
      return entryPage(user, reply, { ...values, previous_email: email, previous_role: role }, []);
    },
  );

  app.post('/directory/entries', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const dw = DIRECTORY_WORDS[user.lang];
    const { fields } = await readForm(request);
    if (!(await mine(user, fields.party_code ?? ''))) return notFoundPage(request, reply);
    const checked = checkDirectoryRow(fields, 1, await knownParties(db));
    if ('problems' in checked) return entryPage(user, reply, fields, checked.problems);
    const previous = fields.previous_email
      ? { email: fields.previous_email, role: fields.previous_role ?? '' }
      : undefined;
    if ((await saveDirectoryEntry(db, checked.entry, user.email, previous)) === 'exists')
      return entryPage(user, reply, fields, [], dw.exists);
    return afterChange(user, reply, checked.entry.party_code, previous?.email ?? null, checked.entry);
  });

  app.post('/directory/entries/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const { fields } = await readForm(request);
    const key = { party_code: fields.party_code ?? '', email: fields.email ?? '', role: fields.role ?? '' };
    if (!(await mine(user, key.party_code))) return notFoundPage(request, reply);
    const removed = await removeDirectoryEntry(db, key, user.email);
    return afterChange(user, reply, key.party_code, removed ? removed.email : null, null, removed?.name);
  });

  /** Back to the directory, unless the person changed acts in a running negotiation: then the offers. */
  async function afterChange(
    user: StaffReader,
    reply: FastifyReply,
    partyCode: string,
    oldEmail: string | null,
    replacement: DirectoryEntry | null,
    removedName?: string,
  ) {
    const dw = DIRECTORY_WORDS[user.lang];
    const reference = await referenceOn(db, today());
    const county = countyOf(reference, partyCode) ?? '';
    const changedPerson = oldEmail && (!replacement || replacement.email !== oldEmail);
    const cycles = changedPerson ? await openCyclesWith(db, partyCode, oldEmail) : [];
    if (!cycles.length)
      return reply.redirect(
        `/directory?county=${county}&done=${replacement ? 'saved' : 'removed'}#party-${partyCode}`,
        303,
      );
    const name = removedName ?? cycles[0]!.name;
    const change = { name, county, partyCode, oldEmail: oldEmail!, replacement };
    return staffPage(user, reply, dw.heading, offersBody(user, dw, change, cycles, csrfField(reply)));
  }

  app.post('/directory/import', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const dw = DIRECTORY_WORDS[user.lang];
    const { file } = await readStaffForm(request);
    if (!file) return directoryPage(user, reply, null, { ok: false, text: dw.noFile });
    if (!/\.(xlsx|csv)$/i.test(file.name) || file.bytes.length > MAX_UPLOAD_BYTES)
      return directoryPage(user, reply, null, { ok: false, text: dw.notSheet });
    const sheet = await readDirectorySheet(file.bytes, file.name);
    const checked = checkDirectoryRows(sheet.rows, await knownParties(db));
    const reference = await referenceOn(db, today());
    // A row of a party outside one's counties is refused like any other wrong row, and changes nothing.
    const outside = checked.entries.filter((e) => !inScope(user, countyOf(reference, e.party_code) ?? ''));
    const entries = checked.entries.filter((e) => !outside.includes(e));
    const problems = [
      ...checked.problems,
      ...outside.map((e) => ({
        row: e.row,
        field: 'party_code' as const,
        key: 'outOfScope' as const,
        value: e.party_code,
      })),
    ].sort((a, b) => a.row - b.row);
    const result = entries.length ? await replaceDirectoryParties(db, entries, user.email) : null;
    const county = entries.map((e) => countyOf(reference, e.party_code)).find(Boolean) ?? null;
    const allProblems = [...sheet.problems, ...problems];
    const refusedRows = [...new Set(problems.map((p) => p.row))];
    const records = new Map(sheet.rows.map((r) => [r.row, r.record]));
    const body = html`<h1>${dw.importHeading}</h1>
      <div class="${result ? 'notice' : 'error'}" role="${result ? 'status' : 'alert'}">${result ? dw.imported(result.imported, result.parties) : dw.nothingImported}</div>
      ${sheet.problems.length ? html`<div class="error" role="alert"><ul>${sheet.problems.map((p) => html`<li>${directoryProblemIn(user.lang, p)}</li>`)}</ul></div>` : ''}
      ${
        refusedRows.length
          ? html`<h2>${dw.refusedRows(refusedRows.length)}</h2><p>${dw.refusedHint}</p>${refusedRows.map((row) => {
              const rowProblems = allProblems.filter((p) => p.row === row);
              return html`<form method="post" action="/directory/entries"><fieldset><legend>${dw.fixRow(row)}</legend>${csrfField(reply)}${entryFields(user, dw, `row-${row}`, { ...records.get(row) }, rowProblems)}<button type="submit">${dw.add}</button></fieldset></form>`;
            })}`
          : ''
      }
      <p><a href="/directory${county ? `?county=${county}` : ''}">${dw.backToDirectory}</a></p>`;
    return staffPage(user, reply.code(allProblems.length ? 422 : 200), dw.importHeading, body);
  });

  app.get('/directory/template.xlsx', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    return reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="sopu-directory.xlsx"')
      .send(await directoryWorkbook(user.lang, []));
  });

  app.get<{ Querystring: { county?: string } }>('/directory/export.xlsx', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const reference = await referenceOn(db, today());
    const county = request.query.county ?? '';
    if (!reference.counties.has(county) || !inScope(user, county)) return reply.redirect('/directory', 303);
    const entries = (await directoryOf(db, partiesOf(reference, county, user.lang))) as DirectoryEntry[];
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="sopu-directory-${county}.xlsx"`)
      .send(await directoryWorkbook(user.lang, entries));
  });

  app.post('/directory/pairs', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const { fields: f } = await readForm(request);
    const reference = await referenceOn(db, today());
    const pair = {
      party_code: f.party_code ?? '',
      area: f.area ?? '',
      municipality_name: (f.municipality_name ?? '').trim(),
      municipality_email: (f.municipality_email ?? '').trim().toLowerCase(),
      county_name: (f.county_name ?? '').trim(),
      county_email: (f.county_email ?? '').trim().toLowerCase(),
    };
    const county = countyOf(reference, pair.party_code);
    if (!county || !inScope(user, county)) return notFoundPage(request, reply);
    // The browser checks the fields (required, email); a request that skips it is refused whole.
    const valid =
      county &&
      Object.values(pair).every(Boolean) &&
      [pair.municipality_email, pair.county_email].every((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
    if (!valid)
      return directoryPage(user, reply, county, { ok: false, text: DIRECTORY_WORDS[user.lang].entryProblems });
    await setCounterpart(db, pair, user.email);
    return reply.redirect(`/directory?county=${county}&done=saved#party-${pair.party_code}`, 303);
  });

  app.post('/directory/pairs/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const { fields: f } = await readForm(request);
    const reference = await referenceOn(db, today());
    if (!(await mine(user, f.party_code ?? ''))) return notFoundPage(request, reply);
    await removeCounterpart(db, { party_code: f.party_code ?? '', area: f.area ?? '' }, user.email);
    return reply.redirect(`/directory?county=${countyOf(reference, f.party_code ?? '') ?? ''}&done=removed`, 303);
  });
}
