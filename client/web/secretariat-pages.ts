// The secretariat's screens: the list of cycles (and starting one from a file), and a cycle's page with every
// party's state at a glance, refused mail, and every control of the cycle engine.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { attachmentInCycle, cycleAnswers, meetingRecord } from '../../db/answers';
import { sendFile } from './document-view';
import { agreementOf, cycleAgenda, cycleList, cycleNaming, cycleSettings } from '../../db/web-queries';
import { statementSummary, type SummaryLanguage } from '../statement-summary';
import { goalsRegisterDocument } from '../goals-register-document';
import { agendaName } from '../../core/domain/cycle-templates';
import { cycleTitleIn, partyNameIn } from '../../core/domain/local-names';
import { WORDS as MAIL_WORDS } from '../../core/domain/words';
import { referenceOn } from '../../db/reference-store';
import { mailLog } from '../../db/mail-log';
import { failingSchedules } from '../../db/schedule-runs';
import {
  ErrorType,
  LANGUAGES,
  LATE_MAIL_MINUTES,
  TIME_ZONE,
  type CycleKind,
  type CyclePhase,
  type CycleStatus,
  type FileRef,
  type Language,
  type MediaType,
  type Outcome,
  type TaskReport,
} from '../../core/contracts';
import {
  cancelCycleUpdate,
  closePhaseUpdate,
  extendDeadlineUpdate,
  publishDraftUpdate,
  recordMinutesUpdate,
  recordOnBehalfUpdate,
  replaceParticipantUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { CycleFileError } from '../../core/domain/cycle-definition';
import { FileRefused } from '../../core/domain/file-types';
import { storeDraft, type Upload } from '../uploads';
import { readForm, type Fields } from './forms';
import { fileRefusal } from './file-words';
import { checkCycle, mailedAtStart, parseCycleFile } from '../cycle-file';
import { formatAnswers, goalsRegisterCsv, helsinkiTime } from '../answers';
import { followUpCsv } from '../follow-up';
import { followUpReport } from '../../db/follow-up';
import { control, controlOutcome, cycleStatus, NOT_FOUND, NotConfirmedYet, startCycle, UserError } from '../cycles';
import { answersSection, meetingSection } from './answers-view';
import { html, type SafeHtml } from './html';
import { MAX_UPLOAD_BYTES, type WebDeps } from './web-deps';
import { requestIdField, requestIdOf } from './request-id';
import { csrfField, requireRole, staffPage, type StaffReader } from './session';
import { CONTROLS, type Control, type StaffWords } from './staff-words';

/** A staff form: its fields and its one file (a cycle file or a draft). */
type Form = { fields: Fields; file: Upload | null };

async function readStaffForm(request: FastifyRequest): Promise<Form> {
  const { fields, files } = await readForm(request);
  let file = files.file?.[0] ?? null;
  // A confirmation page sends a cycle file back as text fields: from here on it is the upload again.
  if (!file && fields.file_name && fields.file_text !== undefined) {
    file = { name: fields.file_name, bytes: Buffer.from(fields.file_text, 'utf8') };
  }
  delete fields.file_name;
  delete fields.file_text;
  return { fields, file };
}

/** A task's state in the reader's words: status or decision, late, and • while it still takes answers. */
function taskWords(w: StaffWords, task: TaskReport | undefined): string {
  if (!task) return '';
  return `${w.task[task.decision ?? task.status]}${task.late ? ` (${w.task.late})` : ''}${task.closed ? '' : ' •'}`;
}

function matrix(w: StaffWords, status: CycleStatus): SafeHtml {
  const phases = Object.keys(status.deadlines);
  return html`<table><caption class="muted">${w.cycle.stillOpenLegend}</caption><thead><tr><th scope="col">${w.cycle.party}</th>${phases.map((p) => html`<th scope="col">${w.phaseKey(p)}</th>`)}</tr></thead><tbody>
    ${status.parties.map(
      (party) =>
        html`<tr><th scope="row">${party.code} ${party.name}</th>${phases.map((p) => {
          const task = party.tasks[p];
          return html`<td class="s-${task?.decision ?? task?.status ?? ''}${task?.late ? ' s-late' : ''}">${taskWords(w, task)}</td>`;
        })}</tr>`,
    )}
  </tbody></table>`;
}

/** A draft stored first (claim check), as the form carries it on: its reference, never its bytes. */
const DRAFT_FIELDS = ['draft_sha256', 'draft_name', 'draft_type', 'draft_bytes'] as const;
const draftFields = (ref: FileRef): Fields => ({
  draft_sha256: ref.sha256,
  draft_name: ref.name,
  draft_type: ref.mediaType,
  draft_bytes: String(ref.bytes),
});
function draftRef(w: StaffWords, f: Fields): FileRef {
  if (DRAFT_FIELDS.some((k) => !f[k])) throw new UserError(w.controls.noDraftFile);
  return {
    sha256: f.draft_sha256!,
    name: f.draft_name!,
    mediaType: f.draft_type as MediaType,
    bytes: Number(f.draft_bytes),
  };
}

/** A yes given on the confirmation page. */
const confirm = (f: Fields) => (f.confirm === 'yes' ? { confirm: true as const } : {});
const isControl = (name: string): name is Control => (CONTROLS as readonly string[]).includes(name);
/** What a cycle page says above everything else: a receipt, a refusal, or a request not confirmed yet. */
type Notice = { ok: boolean; text: string; pending?: boolean };

function controls(w: StaffWords, status: CycleStatus, reply: FastifyReply): SafeHtml {
  const c = w.controls;
  const id = encodeURIComponent(status.cycleId);
  const csrf = csrfField(reply);
  const parties = status.parties.map((p) => html`<option value="${p.code}">${p.code} ${p.name}</option>`);
  const options = (words: Record<string, string>) =>
    Object.entries(words).map(([value, label]) => html`<option value="${value}">${label}</option>`);
  const form = (name: Control, fields: SafeHtml | string, multipart = false) =>
    html`<form method="post" action="/cycles/${id}/${name}" ${multipart ? html`enctype="multipart/form-data"` : ''}><fieldset><legend>${c.legend[name]}</legend>${csrf}${requestIdField()}${fields}<button type="submit">${c.legend[name]}</button></fieldset></form>`;
  const reason = (idPrefix: string) =>
    html`<label for="${idPrefix}-reason">${c.reason}</label><input type="text" id="${idPrefix}-reason" name="reason" required>`;
  return html`
    ${form('publish-draft', html`<label for="draft-title">${c.draftTitle}</label><input type="text" id="draft-title" name="title" required><label for="draft-file">${c.draftFile}</label><input type="file" id="draft-file" name="file" accept=".md,.txt,.docx,.odt,.pdf" required>`, true)}
    ${form('close-phase', html`<p class="muted">${c.openPhase(status.openPhaseKey ? w.phaseKey(status.openPhaseKey) : '–')}</p>`)}
    ${form('extend', html`<label for="extend-party">${c.party}</label><select id="extend-party" name="partyCode"><option value="">${c.allParties}</option>${parties}</select><label for="extend-days">${c.workingDays}</label><input type="number" id="extend-days" name="workingDays" min="1" max="60" value="5" required>${reason('extend')}`)}
    ${form('schedule-meeting', html`<label for="meeting-at">${c.startsAt}</label><input type="datetime-local" id="meeting-at" name="startsAt" required><label for="meeting-location">${c.place}</label><input type="text" id="meeting-location" name="location"><label for="meeting-link">${c.link}</label><input type="text" id="meeting-link" name="link">`)}
    ${form('record-minutes', html`<label for="minutes-attendees">${c.attendees}</label><textarea id="minutes-attendees" name="attendees" required></textarea><label for="minutes-items">${c.items}</label><textarea id="minutes-items" name="items" required></textarea>`)}
    ${form('start-sign-off', html`<label for="signoff-version">${c.finalVersion}</label><input type="number" id="signoff-version" name="documentVersion" min="1">${status.minutesRecorded ? '' : html`<label for="signoff-no-meeting">${c.noMeeting}</label><input type="text" id="signoff-no-meeting" name="noMeetingReason">`}`)}
    ${form('replace-participant', html`<label for="replace-party">${c.party}</label><select id="replace-party" name="partyCode">${parties}</select><label for="replace-old">${c.currentEmail}</label><input type="email" id="replace-old" name="oldEmail" required><label for="replace-name">${c.newName}</label><input type="text" id="replace-name" name="name" required><label for="replace-email">${c.newEmail}</label><input type="email" id="replace-email" name="email" required><label for="replace-role">${c.role}</label><select id="replace-role" name="role">${options(c.roles)}</select>${reason('replace')}`)}
    ${form('record', html`<label for="record-party">${c.party}</label><select id="record-party" name="partyCode">${parties}</select><label for="record-kind">${c.what}</label><select id="record-kind" name="what">${options(c.whatKinds)}</select><label for="record-text">${c.recordText}</label><textarea id="record-text" name="text"></textarea>${reason('record')}`)}
    ${form('cancel', reason('cancel'))}`;
}

export function registerSecretariatPages(app: FastifyInstance, deps: WebDeps): void {
  const notFound = (user: StaffReader, reply: FastifyReply, message: string) =>
    staffPage(
      user,
      reply.code(404),
      user.w.notFound.heading,
      html`<h1>${user.w.notFound.heading}</h1><p>${message}</p>`,
    );

  /** What a request would do, said before it is done: the same form once more (its file as text), with a yes. */
  function confirmationPage(
    user: StaffReader,
    reply: FastifyReply,
    ask: { heading: string; consequences: string; action: string; yes: string; back: { href: string; label: string } },
    form: Form,
  ) {
    const fields: Fields = {
      ...form.fields,
      ...(form.file ? { file_name: form.file.name, file_text: form.file.bytes.toString('utf8') } : {}),
    };
    delete fields._csrf;
    delete fields.confirm;
    const hidden = Object.entries(fields).map(
      ([key, value]) => html`<input type="hidden" name="${key}" value="${value ?? ''}">`,
    );
    const body = html`<h1>${user.w.controls.confirm(ask.heading)}</h1>
      <div class="error" role="alert"><p>${ask.consequences}</p></div>
      <form method="post" action="${ask.action}">${csrfField(reply)}${hidden}
        <input type="hidden" name="confirm" value="yes"><button type="submit">${ask.yes}</button></form>
      <p><a href="${ask.back.href}">${ask.back.label}</a></p>`;
    return staffPage(user, reply.code(409), user.w.controls.confirm(ask.heading), body);
  }

  async function listPage(user: StaffReader, reply: FastifyReply, problem: string | null) {
    const { w, lang } = user;
    const cycles = await cycleList(deps.db);
    const reference = await referenceOn(deps.db, new Date().toISOString().slice(0, 10));
    const base = user.role === 'auditor' ? '/audit/cycles' : '/cycles';
    // A scheduled negotiation that could not start is said here until a later run starts it (a standing notice, not
    // an alert: it is not the answer to anything the reader just did).
    const failing = await failingSchedules(deps.db);
    const failingBlock = failing.length
      ? html`<section class="error failing-schedules" aria-labelledby="failing-schedules"><h2 id="failing-schedules">${w.list.failing}</h2><ul>${failing.map(
          (run) =>
            html`<li>${w.list.failingLine(run.scheduleId, helsinkiTime(run.at), run.missing.length, run.told.length ? run.told.join(', ') : w.list.nobodyTold)}<ul>${run.missing.map((m) => html`<li>${m}</li>`)}</ul></li>`,
        )}</ul></section>`
      : '';
    const body = html`<h1>${w.list.heading}</h1>${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}${failingBlock}
      <table><thead><tr><th scope="col">${w.list.cycle}</th><th scope="col">${w.list.kind}</th><th scope="col">${w.list.period}</th><th scope="col">${w.list.phase}</th><th scope="col">${w.list.outcome}</th><th scope="col">${w.list.started}</th></tr></thead><tbody>
      ${cycles.map((c) => html`<tr><td><a href="${base}/${encodeURIComponent(c.id)}">${cycleTitleIn(reference, c, lang)}</a><br><span class="muted">${c.id}</span></td><td>${w.kind[c.kind as CycleKind] ?? c.kind}</td><td>${c.period}</td><td>${w.cyclePhase[c.phase as CyclePhase] ?? c.phase}</td><td>${c.outcome ? (w.outcome[c.outcome as Outcome] ?? c.outcome) : ''}</td><td>${helsinkiTime(c.startedAt)}</td></tr>`)}
      </tbody></table>
      ${
        user.role === 'secretariat'
          ? html`<form method="post" action="/cycles" enctype="multipart/form-data"><fieldset><legend>${w.list.start}</legend>${csrfField(reply)}<label for="cycle-file">${w.list.file}</label><input type="file" id="cycle-file" name="file" accept=".yaml,.yml,.json" required><button type="submit">${w.list.startButton}</button></fieldset></form>`
          : ''
      }`;
    return staffPage(user, reply.code(problem ? 422 : 200), w.list.heading, body);
  }

  async function cyclePage(
    user: StaffReader,
    reply: FastifyReply,
    cycleId: string,
    notice: Notice | null,
    phase?: string,
    area?: number,
  ) {
    const { w, lang } = user;
    const status = await cycleStatus(deps.client, cycleId);
    const { agenda, answersVisible } = await cycleSettings(deps.db, cycleId);
    // Names as the reader reads them: Lovisa and the Swedish title for a Swedish reader.
    const reference = await referenceOn(deps.db, new Date().toISOString().slice(0, 10));
    const said = (await cycleAnswers(deps.db, cycleId)).map((row) => ({
      ...row,
      partyName: partyNameIn(reference, row.partyCode, row.partyName, lang),
    }));
    const naming = await cycleNaming(deps.db, cycleId);
    const title = naming ? cycleTitleIn(reference, naming, lang) : status.title;
    const named = {
      ...status,
      parties: status.parties.map((p) => ({ ...p, name: partyNameIn(reference, p.code, p.name, lang) })),
    };
    const phases = Object.keys(status.deadlines);
    // The phase asked for; else the latest that has answers; else the open one.
    const shown =
      (phase && phases.includes(phase) ? phase : null) ??
      said.at(-1)?.phaseKey ??
      status.openPhaseKey ??
      phases[0] ??
      'preparation';
    const late = await mailLog(deps.db, cycleId, { pendingSince: new Date(Date.now() - LATE_MAIL_MINUTES * 60_000) });
    const open = status.openPhaseKey ? status.deadlines[status.openPhaseKey] : null;
    const c = w.cycle;
    const body = html`<h1>${title}</h1>
      ${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}
      <table class="facts"><tr><th scope="row">${c.cycle}</th><td>${status.cycleId} (${w.kind[status.kind]})</td></tr><tr><th scope="row">${c.phase}</th><td>${w.cyclePhase[status.phase]}${status.openPhaseKey ? ` – ${c.open(w.phaseKey(status.openPhaseKey))}` : ''}</td></tr>
        ${open ? html`<tr><th scope="row">${c.deadline}</th><td>${MAIL_WORDS[lang].date(open.nominal)}</td></tr>` : ''}
        ${status.documents.map((d) => html`<tr><th scope="row">${c.draft(d.version)}</th><td>${d.title} <span class="hash">${d.sha256}</span>${status.finalDocument?.version === d.version ? ` (${c.final})` : ''}</td></tr>`)}
        ${status.outcome ? html`<tr><th scope="row">${c.outcome}</th><td>${w.outcome[status.outcome]} – <a href="/cycles/${encodeURIComponent(cycleId)}/agreement.pdf">${c.agreement}</a></td></tr>` : ''}
        <tr><th scope="row">${c.answersShown}</th><td>${answersVisible === 'after-phase' ? c.afterPhase : c.secretariatOnly}</td></tr>
        ${agenda.length ? html`<tr><th scope="row">${c.agenda}</th><td>${agenda.map((item) => agendaName(item, lang)).join('; ')}</td></tr>` : ''}</table>
      <p><a href="/audit/cycles/${encodeURIComponent(cycleId)}">${c.timeline}</a></p>
      <h2>${c.parties}</h2>${matrix(w, named)}
      ${answersSection(user, cycleId, said, phases, shown, agenda, area)}
      ${meetingSection(w, await meetingRecord(deps.db, cycleId))}
      ${late.length ? html`<h2>${c.lateMail}</h2><div class="error" role="alert"><p>${c.lateMailText(late.length, LATE_MAIL_MINUTES)}</p><ul>${late.slice(0, 20).map((m) => html`<li>${m.recipient} (${m.kind}) ${c.since} ${helsinkiTime(m.createdAt)}${m.lastError ? ` – ${m.lastError}` : ''}</li>`)}</ul></div>` : ''}
      <h2>${c.refusedMail}</h2>${status.mailFailures.length ? html`<ul>${status.mailFailures.map((f) => html`<li>${f.partyCode ?? c.secretariat}: ${f.to} (${f.kind}) – ${f.error}</li>`)}</ul>` : html`<p class="muted">${c.none}</p>`}
      ${status.phase === 'completed' || status.phase === 'cancelled' ? '' : html`<h2>${c.controls}</h2>${controls(w, named, reply)}`}`;
    // A control not confirmed yet: the page loads again until Temporal says what became of it.
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), title, body, notice?.pending ? 5 : undefined);
  }

  app.get('/cycles', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (user) return listPage(user, reply, null);
  });

  app.post('/cycles', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const form = await readStaffForm(request);
    const { fields, file } = form;
    try {
      if (!file) throw new UserError(user.w.list.noFile);
      if (!/\.(ya?ml|json)$/i.test(file.name)) throw new UserError(user.w.list.notYamlOrJson);
      if (file.bytes.length > MAX_UPLOAD_BYTES)
        throw new UserError(
          fileRefusal(user.lang, new FileRefused(file.name, { kind: 'too-large', maxBytes: MAX_UPLOAD_BYTES })),
        );
      const valid = await checkCycle(deps.db, parseCycleFile(file.bytes, file.name));
      if (fields.confirm !== 'yes') {
        const { input } = valid;
        const { w } = user;
        const confirmation = {
          heading: w.list.confirmStart(input.title),
          consequences: w.list.mailsAtStart(input.cycleId, mailedAtStart(input), input.parties.length),
          action: '/cycles',
          yes: w.list.yesStart,
          back: { href: '/cycles', label: w.list.backToList },
        };
        return confirmationPage(user, reply, confirmation, form);
      }
      await startCycle(deps.client, valid, deps.taskQueue);
      return reply.redirect(`/cycles/${encodeURIComponent(valid.input.cycleId)}`, 303);
    } catch (err) {
      if (err instanceof CycleFileError) return listPage(user, reply, `${user.w.list.fileProblems}: ${err.message}`);
      if (err instanceof UserError) return listPage(user, reply, err.message);
      throw err;
    }
  });

  /** The notice for a request the page was sent to, from what Temporal says of it, in words of our own. */
  async function receiptNotice(w: StaffWords, cycleId: string, updateId: string | undefined): Promise<Notice | null> {
    const name = updateId?.split(':')[0] ?? '';
    if (!updateId || !isControl(name)) return null;
    const outcome = await controlOutcome(deps.client, cycleId, updateId);
    switch (outcome.state) {
      case 'recorded':
        return {
          ok: true,
          text: `${w.controls.done[name]} (${helsinkiTime(new Date(outcome.receipt.recordedAt))})`,
        };
      case 'refused':
        return { ok: false, text: `${w.controls.refused}: ${outcome.error.message}` };
      case 'not-confirmed':
        return {
          ok: true,
          pending: true,
          text: w.controls.notConfirmed(w.controls.legend[name], updateId),
        };
      case 'unknown-request':
        return null;
    }
  }

  /** A file about one cycle, for the secretariat and auditors (a 404 page for an unknown cycle), saved as
   * `<name>.<extension>`; `cycle.fileId` is the cycle id as a file name may hold it. Written in `?language=`, else
   * in the reader's language (Finnish for a document that has no English). */
  function cycleDownload(
    file: string,
    type: string,
    make: (
      cycle: NonNullable<Awaited<ReturnType<typeof cycleNaming>>> & { id: string; fileId: string },
      language: Language,
    ) => Promise<{ name: string; body: string | Buffer }>,
  ) {
    app.get<{ Params: { id: string }; Querystring: { language?: string } }>(
      `/cycles/:id/${file}`,
      async (request, reply) => {
        const user = requireRole(request, reply, ['secretariat', 'auditor']);
        if (!user) return;
        const cycle = await cycleNaming(deps.db, request.params.id);
        if (!cycle) return notFound(user, reply, user.w.notFound.noCycle);
        const fileId = request.params.id.replace(/[^A-Za-z0-9-]+/g, '_');
        const asked = request.query.language;
        const language = LANGUAGES.includes(asked as Language) ? (asked as Language) : user.lang;
        const { name, body } = await make({ ...cycle, id: request.params.id, fileId }, language);
        const extension = file.split('.').at(-1)!;
        return reply.type(type).header('content-disposition', `attachment; filename="${name}.${extension}"`).send(body);
      },
    );
  }

  const CSV = 'text/csv; charset=utf-8';
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /** Word documents are written in Finnish or Swedish, the languages of the county's records. */
  const documentLanguage = (language: Language): SummaryLanguage => (language === 'sv' ? 'sv' : 'fi');
  cycleDownload('answers.csv', CSV, async (cycle) => ({
    name: `answers-${cycle.fileId}`,
    body: formatAnswers(await cycleAnswers(deps.db, cycle.id), 'csv'),
  }));
  cycleDownload('goals.csv', CSV, async (cycle, language) => ({
    name: `goals-${cycle.fileId}`,
    body: goalsRegisterCsv(await cycleAnswers(deps.db, cycle.id), await cycleAgenda(deps.db, cycle.id), language),
  }));
  cycleDownload('follow-up.csv', CSV, async (cycle, language) => ({
    name: `follow-up-${cycle.countyCode}`,
    body: followUpCsv(await followUpReport(deps.db, cycle.countyCode), language),
  }));
  cycleDownload('summary.docx', DOCX, async (cycle, asked) => {
    const language = documentLanguage(asked);
    return {
      name: `${language === 'sv' ? 'sammanstallning' : 'lausuntoyhteenveto'}-${cycle.fileId}`,
      body: await statementSummary({
        title: cycle.title,
        agenda: await cycleAgenda(deps.db, cycle.id),
        rows: await cycleAnswers(deps.db, cycle.id),
        language,
      }),
    };
  });
  cycleDownload('goals.docx', DOCX, async (cycle, asked) => {
    const language = documentLanguage(asked);
    return {
      name: `${language === 'sv' ? 'malregister' : 'tavoiterekisteri'}-${cycle.fileId}`,
      body: await goalsRegisterDocument({
        title: cycle.title,
        agenda: await cycleAgenda(deps.db, cycle.id),
        rows: await cycleAnswers(deps.db, cycle.id),
        language,
      }),
    };
  });

  // The agreement a completed cycle issued, as it was mailed.
  app.get<{ Params: { id: string } }>('/cycles/:id/agreement.pdf', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const issued = await agreementOf(deps.db, request.params.id);
    const name = `sopimus-${request.params.id}.pdf`;
    const sent =
      issued && (await sendFile(reply, deps.db, { sha256: issued.sha256, name, mediaType: 'application/pdf' }));
    return sent || notFound(user, reply, user.w.notFound.heading);
  });

  // An answer's attachment, for the secretariat and auditors: only a file some answer of this cycle came with.
  app.get<{ Params: { id: string; sha256: string } }>('/cycles/:id/attachments/:sha256', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const [found] = await attachmentInCycle(deps.db, request.params.id, request.params.sha256);
    const sent = found && (await sendFile(reply, deps.db, { ...found, sha256: request.params.sha256 }));
    return sent || notFound(user, reply, user.w.notFound.heading);
  });

  app.get<{ Params: { id: string } }>('/cycles/:id/follow-up', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const cycle = await cycleNaming(deps.db, request.params.id);
    if (!cycle) return notFound(user, reply, user.w.notFound.noCycle);
    const { w, lang } = user;
    const f = w.followUp;
    const county = cycle.countyCode;
    const reference = await referenceOn(deps.db, new Date().toISOString().slice(0, 10));
    const lines = await followUpReport(deps.db, county);
    const target = (l: (typeof lines)[number]) =>
      [
        l.indicator,
        l.baseline || l.target ? `${l.baseline ?? '?'} → ${l.target ?? '?'}` : '',
        l.targetYear ? String(l.targetYear) : '',
      ]
        .filter(Boolean)
        .join(', ');
    const body = html`<h1>${f.heading(county)}</h1>
      <p class="muted">${f.lead}
        <a href="/cycles/${encodeURIComponent(request.params.id)}/follow-up.csv?language=${lang}">${f.download} (CSV)</a></p>
      ${
        lines.length
          ? html`<table><thead><tr><th scope="col">${f.party}</th><th scope="col">${f.setIn}</th><th scope="col">${f.item}</th><th scope="col">${f.goal}</th><th scope="col">${f.indicator}</th><th scope="col">${f.followUp}</th></tr></thead><tbody>${lines.map(
              (l) =>
                html`<tr><td>${l.partyCode} ${partyNameIn(reference, l.partyCode, l.partyName, lang)}</td><td>${w.kind[l.kind as CycleKind] ?? l.kind} ${l.period}</td><td>${l.agenda[l.area] !== undefined ? agendaName(l.agenda[l.area]!, lang) : `#${l.area + 1}`}</td><td>${l.goal}</td><td>${target(l)}</td><td>${
                  l.statuses.length
                    ? html`<ul>${l.statuses.map((st) => html`<li>${st.period}: <strong>${w.goalStatus[st.status]}</strong>${st.currentValue ? ` (${st.currentValue})` : ''}${st.comment ? ` – ${st.comment}` : ''}</li>`)}</ul>`
                    : html`<span class="muted">${f.notReported}</span>`
                }</td></tr>`,
            )}</tbody></table>`
          : html`<p class="muted">${f.none}</p>`
      }`;
    return staffPage(user, reply, f.title(county), body);
  });

  app.get<{ Params: { id: string }; Querystring: { receipt?: string; phase?: string; area?: string } }>(
    '/cycles/:id',
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat', 'auditor']);
      if (!user) return;
      if (user.role === 'auditor') return reply.redirect(`/audit/cycles/${encodeURIComponent(request.params.id)}`);
      try {
        return await cyclePage(
          user,
          reply,
          request.params.id,
          await receiptNotice(user.w, request.params.id, request.query.receipt),
          request.query.phase,
          /^\d{1,2}$/.test(request.query.area ?? '') ? Number(request.query.area) : undefined,
        );
      } catch (err) {
        if (err instanceof UserError) return notFound(user, reply, err.message);
        throw err;
      }
    },
  );

  const requests: Record<Control, (f: Fields, by: string, file: Upload | null, w: StaffWords) => [unknown, object]> = {
    'publish-draft': (f, by, _upload, w) => [
      publishDraftUpdate,
      { by, ...confirm(f), title: f.title ?? '', file: draftRef(w, f) },
    ],
    'close-phase': (f, by) => [closePhaseUpdate, { by, ...confirm(f) }],
    extend: (f, by) => [
      extendDeadlineUpdate,
      { by, partyCode: f.partyCode || undefined, workingDays: Number(f.workingDays), reason: f.reason ?? '' },
    ],
    'schedule-meeting': (f, by, _upload, w) => {
      const at = DateTime.fromISO(f.startsAt ?? '', { zone: TIME_ZONE });
      if (!at.isValid) throw new UserError(w.controls.meetingStart);
      return [
        scheduleMeetingUpdate,
        {
          by,
          ...confirm(f),
          startsAt: at.toISO()!,
          location: f.location || undefined,
          link: f.link || undefined,
        },
      ];
    },
    'record-minutes': (f, by) => {
      const attendees = (f.attendees ?? '')
        .split('\n')
        .filter((l) => l.trim())
        .map((line) => {
          const [partyCode = '', name = '', role = '', organisation = ''] = line.split(';').map((s) => s.trim());
          return { partyCode, name, role, organisation };
        });
      const items = (f.items ?? '')
        .split('\n')
        .filter((l) => l.trim())
        .map((line, i) => {
          const [title = '', ...rest] = line.split(':');
          return { number: i + 1, title: title.trim(), conclusion: rest.join(':').trim() };
        });
      return [recordMinutesUpdate, { by, attendees, items }];
    },
    'start-sign-off': (f, by) => [
      startSignOffUpdate,
      {
        by,
        ...confirm(f),
        documentVersion: f.documentVersion ? Number(f.documentVersion) : undefined,
        noMeetingReason: f.noMeetingReason?.trim() || undefined,
      },
    ],
    'replace-participant': (f, by) => [
      replaceParticipantUpdate,
      {
        by,
        partyCode: f.partyCode ?? '',
        oldEmail: f.oldEmail ?? '',
        participant: { name: f.name ?? '', email: f.email ?? '', role: f.role as 'contact' },
        reason: f.reason ?? '',
      },
    ],
    record: (f, by) => {
      const text = f.text?.trim() || undefined;
      const what =
        f.what === 'approve'
          ? { signOff: { decision: 'approved' as const, decisionReference: text } }
          : f.what === 'reject'
            ? { signOff: { decision: 'rejected' as const, reason: text } }
            : { answer: f.what === 'no-comments' ? { noComments: true } : { text } };
      return [recordOnBehalfUpdate, { by, partyCode: f.partyCode ?? '', reason: f.reason ?? '', ...what }];
    },
    cancel: (f, by) => [cancelCycleUpdate, { by, ...confirm(f), reason: f.reason ?? '' }],
  };

  app.post<{ Params: { id: string; control: string } }>(
    '/cycles/:id/:control',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat']);
      if (!user) return;
      const name = request.params.control;
      if (!isControl(name)) return reply.callNotFound();
      const { id } = request.params;
      let form = await readStaffForm(request);
      try {
        if (name === 'publish-draft' && form.file) {
          // Stored before the workflow hears of it, checked by its content: a refused file stores nothing, and a
          // confirmation page carries the stored file's reference on instead of the file.
          const ref = await storeDraft(deps.db, form.file).catch((err: unknown) => {
            throw err instanceof FileRefused ? new UserError(fileRefusal(user.lang, err)) : err;
          });
          form = { fields: { ...form.fields, ...draftFields(ref) }, file: null };
        }
        const [update, body] = requests[name](form.fields, user.email, form.file, user.w);
        // The form's one-time id: a double click or a resent form returns the first receipt, not a second control.
        const updateId = `${name}:${requestIdOf(form.fields.request)}`;
        await control(deps.client, id, update as never, body, { updateId, waitMs: deps.answerWaitMs }).catch(
          (err: unknown) => {
            // Sent, outcome not known in time: the page the redirect leads to asks Temporal until it knows.
            if (!(err instanceof NotConfirmedYet)) throw err;
          },
        );
        // Post, then redirect: the page reads the receipt back from Temporal by its id; nothing in the URL is shown.
        return reply.redirect(`/cycles/${encodeURIComponent(id)}?receipt=${encodeURIComponent(updateId)}`, 303);
      } catch (err) {
        if (err instanceof UserError && err.type === ErrorType.confirmationNeeded) {
          const cycle = `/cycles/${encodeURIComponent(id)}`;
          const { controls: c } = user.w;
          const confirmation = {
            heading: c.legend[name],
            consequences: `${err.message}.`,
            action: `${cycle}/${name}`,
            yes: c.yes[name],
            back: { href: cycle, label: c.backToCycle },
          };
          return confirmationPage(user, reply, confirmation, form);
        }
        if (err instanceof UserError && err.type === NOT_FOUND) return notFound(user, reply, err.message);
        if (err instanceof UserError)
          return cyclePage(user, reply, id, { ok: false, text: `${user.w.controls.refused}: ${err.message}` });
        throw err;
      }
    },
  );
}
