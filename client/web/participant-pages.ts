// The participant's task page, opened from the signed link in an email: no account needed. Each action is an Update
// on the party workflow; refusals come back on the page in the participant's language; success shows a receipt.
import { DateTime } from 'luxon';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { workingDaysBetween } from '../../core/domain/working-days';
import { verifyTaskToken } from '../../core/domain/task-links';
import { attachmentInCycle, attachmentsOf, cycleAnswers, meetingRecord } from '../../db/answers';
import { draftOf, dropDraft, saveDraft, type DraftForm } from '../../db/answer-drafts';
import { previousGoals, type RecordedGoal } from '../../db/follow-up';
import { referenceOn } from '../../db/reference-store';
import { cycleTitleIn, partyNameIn } from '../../core/domain/local-names';
import { STATUS_WORDS } from '../follow-up';
import { groupAnswers } from '../answers';
import {
  agreementOf,
  closedPhases,
  cycleSettings,
  document,
  partyAnswers,
  participant,
  taskContext,
} from '../../db/web-queries';
import { attachmentList, documentView, sendFile, sendOriginal } from './document-view';
import { agendaName } from '../../core/domain/cycle-templates';
import {
  GOAL_STATUSES,
  LANGUAGES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  TIME_ZONE,
  type AgendaEntry,
  type FileRef,
  type AreaAnswer,
  type Goal,
  type GoalFollowUp,
  type GoalStatus,
  type Language,
  type Receipt,
  type TaskState,
} from '../../core/contracts';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { NotConfirmedYet, partyAction, partyActionOutcome, partyStatus, UserError } from '../cycles';
import { ATTACHMENT_FORMATS, checkFile, FileRefused } from '../../core/domain/file-types';
import { storeFile } from '../../db/files';
import type { Upload } from '../uploads';
import { fileRefusal } from './file-words';
import { readForm } from './forms';
import { html, page, type SafeHtml } from './html';
import { GOAL_FIELDS, PAGE_WORDS, type GoalField, type PageWords } from './page-words';
import { requestIdField, requestIdOf } from './request-id';
import type { WebDeps } from './web-deps';

type Context = NonNullable<Awaited<ReturnType<typeof taskContext>>>;
type Person = NonNullable<Awaited<ReturnType<typeof participant>>>;

interface Resolved {
  ctx: Context;
  person: Person;
  lang: Language;
  w: PageWords;
}

/** Goal rows per agenda item in the preparation form (pages run no script: a fixed number). */
const GOAL_ROWS = 2;

const ATTENDEE_ROWS = 3;
/** The fields a refusal names ("text: is empty; reason: …"), as the form labels them in the reader's language: the
 * validator's own words are English and stay out of a participant's page. */
/** Where an answer per agenda item went wrong: the item's name (`areaNames`, in the order the items were sent), the
 * goal's number and the field, in the participant's words. */
interface AreaContext {
  areaNames: string[];
}

function fieldsIn(message: string, w: PageWords, areas?: AreaContext): string {
  const labels: Record<string, string> = {
    text: w.yourAnswer,
    decisionReference: w.decisionReference,
    reason: w.reason,
    attendees: w.attendees,
    documentSha256: w.mail.labels.sha256,
  };
  const named = message.split('; ').map((part) => {
    const path = part.split(':')[0]!.trim();
    const area = /^areas\.(\d+)(?:\.goals\.(\d+)\.(\w+)|\.(text))?/.exec(path);
    if (!area) return labels[path.split(/[.[]/)[0]!];
    const name = areas?.areaNames[Number(area[1])] ?? w.byArea.heading;
    if (area[2] === undefined) return area[4] ? `${name}: ${w.byArea.text}` : name;
    const field = w.goalFields[area[3] as GoalField] ?? area[3];
    return `${name} – ${w.byArea.goal(Number(area[2]) + 1)}: ${field}`;
  });
  return [...new Set(named.filter((label): label is string => Boolean(label)))].join(', ') || w.yourAnswer;
}

/** A refusal in the participant's words. */
function problemOf(err: UserError, w: PageWords, areas?: AreaContext): string {
  if (err.type === FILE_REFUSED) return err.message;
  if (err.type === 'InvalidRequest') return `${w.errors.InvalidRequest}: ${fieldsIn(err.message, w, areas)}`;
  return w.errors[err.type ?? 'Unknown'] ?? w.errors.Unknown ?? err.message;
}

/** A refused attachment: its message is already in the reader's words. */
const FILE_REFUSED = 'FileRefused';

export function registerParticipantPages(app: FastifyInstance, deps: WebDeps): void {
  /** An answer's files, each checked by its content before any is stored: a refusal stores none of them. */
  async function storeAttachments(r: Resolved, uploads: Upload[]): Promise<FileRef[]> {
    if (uploads.length > MAX_ATTACHMENTS) throw new UserError(r.w.attachments.tooMany(MAX_ATTACHMENTS), FILE_REFUSED);
    try {
      const checked = [];
      for (const upload of uploads)
        checked.push({ ...upload, ...(await checkFile(upload, ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES)) });
      return await Promise.all(checked.map((file) => storeFile(deps.db, file)));
    } catch (err) {
      throw err instanceof FileRefused ? new UserError(fileRefusal(r.lang, err), FILE_REFUSED) : err;
    }
  }

  /** The task a genuine, current link points at; null for anything forged, expired or no longer the holder's. */
  async function resolve(token: string, langParam: unknown): Promise<Resolved | null> {
    const claims = verifyTaskToken(deps.config.linkKeys, token);
    if (!claims) return null;
    const ctx = await taskContext(deps.db, claims.taskId);
    if (!ctx) return null;
    const person = await participant(deps.db, ctx.cycleId, ctx.partyCode, claims.email);
    if (!person?.active) return null;
    const graceMs = deps.config.web.linkGraceDays * 86_400_000;
    if (ctx.closedAt && Date.now() > ctx.closedAt.getTime() + graceMs) return null;
    const lang = LANGUAGES.includes(langParam as Language) ? (langParam as Language) : person.language;
    return { ctx, person, lang, w: PAGE_WORDS[lang] };
  }

  function refused(reply: FastifyReply, langParam: unknown) {
    const lang = LANGUAGES.includes(langParam as Language) ? (langParam as Language) : 'fi';
    const words = LANGUAGES.map((l) => html`<p lang="${l}">${PAGE_WORDS[l].refused}</p>`);
    return reply
      .code(404)
      .type('text/html')
      .send(page({ lang, title: PAGE_WORDS[lang].mail.labels.task, body: html`<div class="error">${words}</div>` }));
  }

  /** The task as PostgreSQL recorded it: enough to show the page and its form while the workflow cannot answer. */
  async function recordedTask(ctx: Context): Promise<TaskState> {
    const draft = ctx.documentVersion ? await document(deps.db, ctx.cycleId, ctx.documentVersion) : undefined;
    const closed = ctx.closedAt !== null || ctx.status === 'no_response' || ctx.status === 'cancelled';
    const due = { at: ctx.dueAt.toISOString(), nominal: ctx.deadline.toISOString() };
    return {
      taskId: ctx.taskId,
      kind: ctx.kind,
      phaseKey: ctx.phaseKey,
      status: ctx.status,
      deadline: { ...due, version: ctx.deadlineVersion, reminders: [], closesAt: due },
      late: false,
      answers: 0,
      document: draft ? { version: draft.version, title: draft.title, sha256: draft.sha256 } : null,
      meeting: null,
      decision: null,
      closed,
    };
  }

  /** `values`: the form as it was sent (a refusal keeps what was typed); else the saved draft, if any. */
  async function taskPage(r: Resolved, token: string, problem: string | null, values?: DraftForm): Promise<string> {
    const { ctx, w, lang } = r;
    const draft = values ? undefined : await draftOf(deps.db, ctx.taskId, r.person.email);
    const filled = values ?? draft?.form ?? {};
    // Names as the reader reads them: Lovisa for a Swedish reader, the default title in the reader's language.
    const reference = await referenceOn(deps.db, new Date().toISOString().slice(0, 10));
    const partyName = partyNameIn(reference, ctx.partyCode, ctx.partyName, lang);
    const cycleTitle = cycleTitleIn(
      reference,
      { title: ctx.cycleTitle, kind: ctx.cycleKind, countyCode: ctx.countyCode, period: ctx.period },
      lang,
    );
    // The preparation reports on the goals the party set in the county's earlier cycles.
    const earlierGoals = ctx.kind === 'input' ? await previousGoals(deps.db, ctx.cycleId, ctx.partyCode) : [];
    // The party workflow knows the task best; when it does not answer in time (no worker), the record does.
    const status = await deps.client
      .withDeadline(Date.now() + 5_000, () => partyStatus(deps.client, ctx.cycleId, ctx.partyCode))
      .catch(() => null);
    const task = status ? status.tasks.find((t) => t.taskId === ctx.taskId) : await recordedTask(ctx);
    const answers = await partyAnswers(deps.db, ctx.cycleId, ctx.partyCode);
    const ownFiles = await attachmentsOf(
      deps.db,
      answers.map((a) => String(a.id)),
    );
    const file = (sha256: string) => `/t/${token}/attachments/${sha256}`;
    const { agenda, answersVisible } = await cycleSettings(deps.db, ctx.cycleId);
    // Once a phase has closed, the other parties' answers in it are theirs to read, unless the cycle keeps them
    // to the secretariat.
    const closed = answersVisible === 'after-phase' ? await closedPhases(deps.db, ctx.cycleId, ctx.partyCode) : [];
    const others = closed.length
      ? (await cycleAnswers(deps.db, ctx.cycleId)).filter(
          (a) => a.partyCode !== ctx.partyCode && closed.includes(a.phaseKey),
        )
      : [];
    const { minutes } = await meetingRecord(deps.db, ctx.cycleId);
    const agreement = await agreementOf(deps.db, ctx.cycleId);
    const when = (d: Date | string) => w.mail.date(typeof d === 'string' ? d : d.toISOString());
    const open = task && !task.closed;
    const deadline = task?.deadline.nominal ?? ctx.deadline.toISOString();
    const left = workingDaysBetween(DateTime.now().setZone(TIME_ZONE), DateTime.fromISO(deadline, { zone: TIME_ZONE }));
    const countdown = !open
      ? w.closed
      : Date.now() > Date.parse(task!.deadline.at)
        ? w.deadlinePassed
        : w.workingDaysLeft(left);
    const docRef = task?.document;
    const self = `/t/${token}`;
    const body = html`
      <nav class="lang" aria-label="${w.language}">${LANGUAGES.map((l) => html`<a href="${self}?lang=${l}" lang="${l}" ${l === lang ? html`aria-current="page"` : ''}>${l.toUpperCase()}</a>`)}</nav>
      <h1>${w.mail.task[ctx.kind as TaskState['kind']]}: ${partyName}</h1>
      ${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}
      ${status ? '' : html`<div class="notice" role="status">${w.liveUnavailable}</div>`}
      <table class="facts">
        <tr><th scope="row">${w.mail.labels.cycle}</th><td>${cycleTitle}</td></tr>
        <tr><th scope="row">${w.mail.labels.party}</th><td>${partyName}</td></tr>
        ${task?.meeting ? html`<tr><th scope="row">${w.mail.labels.meeting}</th><td>${when(task.meeting.startsAt)} ${[task.meeting.location, task.meeting.link].filter(Boolean).join(', ')}</td></tr>` : ''}
        <tr><th scope="row">${w.mail.labels.deadline}</th><td>${when(deadline)} <span class="muted">(${countdown})</span></td></tr>
        <tr><th scope="row">${w.mail.labels.reference}</th><td>${ctx.taskId}</td></tr>
        ${agenda.length ? html`<tr><th scope="row">${w.mail.labels.agenda}</th><td><ul class="agenda">${agenda.map((item) => html`<li>${agendaName(item, lang)}</li>`)}</ul></td></tr>` : ''}
      </table>
      ${agreement ? html`<div class="notice" role="status"><a href="${self}/agreement">${w.mail.completed.agreement}</a> <span class="hash">SHA-256 ${agreement.sha256}</span></div>` : ''}
      ${minutes ? html`<h2>${w.minutes}</h2><ol>${minutes.items.map((i) => html`<li value="${i.number}"><strong>${i.title}</strong>: ${i.conclusion}</li>`)}</ol>` : ''}
      ${docRef ? html`<h2>${w.draft}</h2><p>${docRef.title} (v${docRef.version}) – <a href="${self}/document">${w.download}</a></p><p>${w.mail.labels.sha256}: <span class="hash">${docRef.sha256}</span></p>${await documentView(deps.db, ctx.cycleId, docRef.version, w.documentView, `${self}/document`)}` : ''}
      ${open && draft ? html`<div class="notice" role="status">${w.answerDraft.saved(when(draft.savedAt))}</div>` : ''}
      ${open ? form(r, task!, self, agenda, filled, earlierGoals) : html`<p class="notice">${w.closed}</p>`}
      <p class="muted">${answersVisible === 'after-phase' ? w.visibility.afterPhase : w.visibility.secretariatOnly}</p>
      ${others.length ? html`<h2>${w.visibility.others}</h2>${groupAnswers(others).map((phase) => html`<h3>${phase.phaseKey}</h3>${phase.parties.map((p) => html`<section class="party-answer"><h4>${p.partyName}</h4><p class="muted">${when(p.versions[0]!.at)}</p>${p.versions[0]!.kind === 'no_comments' ? html`<p>${w.noComments}</p>` : html`<div class="said">${p.versions[0]!.text}</div>`}${attachmentList(p.versions[0]!.attachments, file)}</section>`)}`)}` : ''}
      <h2>${w.earlierAnswers}</h2>
      ${
        answers.length
          ? html`<table><tbody>${answers.map((a) => html`<tr><td>${when(a.receivedAt)}</td><td>${a.phaseKey}</td><td>${a.name}${a.late ? html` <span class="s-late">(${w.late})</span>` : ''}</td><td>${a.kind === 'no_comments' ? w.noComments : a.body}${attachmentList(ownFiles.get(String(a.id)) ?? [], file)}</td></tr>`)}</tbody></table>`
          : html`<p class="muted">${w.noAnswers}</p>`
      }
      <p class="muted">${w.mail.footer(ctx.secretariatEmail)}</p>`;
    return page({ lang, title: w.mail.task[ctx.kind as TaskState['kind']], body });
  }

  /** One agenda item's fields: a text, and in the preparation GOAL_ROWS goals (a row left empty is not sent). */
  function areaFields(r: Resolved, kind: string, item: AgendaEntry, i: number, values: DraftForm): SafeHtml {
    const { w, lang } = r;
    const goals =
      kind === 'input'
        ? Array.from(
            { length: GOAL_ROWS },
            (_, j) =>
              html`<fieldset class="goal"><legend>${w.byArea.goal(j + 1)}</legend>${GOAL_FIELDS.map(
                (f) =>
                  html`<label for="${f}-${i}-${j}">${w.goalFields[f]}</label><input type="${f === 'targetYear' ? 'number' : 'text'}" id="${f}-${i}-${j}" name="${f}-${i}-${j}" value="${values[`${f}-${i}-${j}`] ?? ''}"${f === 'targetYear' ? html` min="2020" max="2100"` : ''}>`,
              )}</fieldset>`,
          )
        : '';
    return html`<fieldset class="area"><legend>${agendaName(item, lang)}</legend>
      <label for="area-${i}">${w.byArea.text}</label><textarea id="area-${i}" name="area-${i}" maxlength="20000">${values[`area-${i}`] ?? ''}</textarea>${goals}</fieldset>`;
  }

  /** Each earlier goal with its status, the indicator's value and a comment (`fu-*-<k>`; the goal's record id in
   * `fu-goal-<k>`). */
  function followUpFields(r: Resolved, goals: RecordedGoal[], values: DraftForm): SafeHtml {
    const { w, lang } = r;
    if (!goals.length) return html``;
    return html`<h3>${w.followUp.heading}</h3><p class="muted">${w.followUp.hint}</p>${goals.map(
      (
        g,
        k,
      ) => html`<fieldset class="goal"><legend>${g.goal} <span class="muted">(${g.agenda[g.area] !== undefined ? agendaName(g.agenda[g.area]!, lang) : ''}; ${w.followUp.setIn(g.period)}${g.targetYear ? `; ${g.target ?? ''} ${g.targetYear}` : ''})</span></legend>
        <input type="hidden" name="fu-goal-${k}" value="${g.ref}">
        <label for="fu-status-${k}">${w.followUp.status}</label><select id="fu-status-${k}" name="fu-status-${k}"><option value="">${w.followUp.none}</option>${GOAL_STATUSES.map((st) => html`<option value="${st}"${values[`fu-status-${k}`] === st ? html` selected` : ''}>${STATUS_WORDS[lang][st]}</option>`)}</select>
        <label for="fu-value-${k}">${w.followUp.value}${g.indicator ? ` (${g.indicator})` : ''}</label><input type="text" id="fu-value-${k}" name="fu-value-${k}" value="${values[`fu-value-${k}`] ?? ''}">
        <label for="fu-comment-${k}">${w.followUp.comment}</label><input type="text" id="fu-comment-${k}" name="fu-comment-${k}" value="${values[`fu-comment-${k}`] ?? ''}"></fieldset>`,
    )}`;
  }

  function form(
    r: Resolved,
    task: TaskState,
    self: string,
    agenda: AgendaEntry[],
    values: DraftForm,
    earlierGoals: RecordedGoal[] = [],
  ): SafeHtml {
    const { w, person } = r;
    const action = `${self}?lang=${r.lang}`;
    switch (task.kind) {
      case 'input':
      case 'comment':
        return html`<form method="post" action="${action}" enctype="multipart/form-data">${requestIdField()}
          <label for="text">${w.yourAnswer}</label>
          <textarea id="text" name="text" maxlength="20000">${values.text ?? ''}</textarea>
          ${followUpFields(r, earlierGoals, values)}
          ${agenda.length ? html`<h3>${w.byArea.heading}</h3><p class="muted">${w.byArea.hint}</p>${agenda.map((item, i) => areaFields(r, task.kind, item, i, values))}` : ''}
          <label for="attachments">${w.attachments.label}</label>
          <input type="file" id="attachments" name="attachments" multiple accept=".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg" aria-describedby="attachments-hint">
          <p class="muted" id="attachments-hint">${w.attachments.hint}</p>
          <p class="muted">${w.replaceHint}</p>
          <button type="submit" name="action" value="answer">${w.send}</button>
          <button type="submit" class="secondary" name="action" value="draft">${w.answerDraft.save}</button>
        </form>
        ${task.kind === 'comment' ? html`<form method="post" action="${action}">${requestIdField()}<button type="submit" class="secondary" name="action" value="no-comments">${w.noComments}</button></form>` : ''}`;
      case 'meeting':
        return html`<form method="post" action="${action}">${requestIdField()}<fieldset><legend>${w.attendees}</legend>
          ${Array.from(
            { length: ATTENDEE_ROWS },
            (_, i) => html`<fieldset><legend>${w.attendee(i + 1)}</legend>
            <label for="name${i}">${w.name}</label><input type="text" id="name${i}" name="name${i}" ${i === 0 ? 'required' : ''}>
            <label for="role${i}">${w.role}</label><input type="text" id="role${i}" name="role${i}">
            <label for="organisation${i}">${w.organisation}</label><input type="text" id="organisation${i}" name="organisation${i}"></fieldset>`,
          )}
          <button type="submit" name="action" value="register">${w.send}</button></fieldset></form>`;
      case 'signoff':
        if (person.role !== 'signatory' || task.decision)
          return html`<p class="notice">${task.decision ?? w.errors.NotSignatory}</p>`;
        return html`<form method="post" action="${action}">${requestIdField()}<fieldset><legend>${w.approve}</legend>
            <input type="hidden" name="sha256" value="${task.document?.sha256 ?? ''}">
            <label for="decisionReference">${w.decisionReference}</label><input type="text" id="decisionReference" name="decisionReference" placeholder="${w.decisionExample}">
            <button type="submit" name="action" value="approve">${w.approve}</button></fieldset></form>
          <form method="post" action="${action}">${requestIdField()}<fieldset><legend>${w.reject}</legend>
            <input type="hidden" name="sha256" value="${task.document?.sha256 ?? ''}">
            <label for="reason">${w.reason}</label><textarea id="reason" name="reason"></textarea>
            <button type="submit" class="secondary" name="action" value="reject">${w.reject}</button></fieldset></form>`;
    }
  }

  /** The fields of the answer form, as typed: what a draft keeps and a refused form shows again. */
  function draftFields(body: Record<string, string | undefined>): DraftForm {
    return Object.fromEntries(
      Object.entries(body).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' &&
          /^(text|area-\d+|[a-zA-Z]+-\d+-\d+|fu-(goal|status|value|comment)-\d+)$/.test(entry[0]),
      ),
    );
  }

  /** The statuses a form gives for earlier goals: those with a status chosen. */
  function followUpOf(body: Record<string, string | undefined>): GoalFollowUp[] {
    const out: GoalFollowUp[] = [];
    for (let k = 0; body[`fu-goal-${k}`] !== undefined; k++) {
      const status = body[`fu-status-${k}`];
      if (!status) continue;
      const value = body[`fu-value-${k}`]?.trim();
      const comment = body[`fu-comment-${k}`]?.trim();
      out.push({
        goal: body[`fu-goal-${k}`]!,
        status: status as GoalStatus,
        ...(value ? { currentValue: value } : {}),
        ...(comment ? { comment } : {}),
      });
    }
    return out;
  }

  /** The answers per agenda item a form holds: the items with a text or a goal, goals with their filled fields. */
  function areasOf(body: Record<string, string | undefined>): AreaAnswer[] {
    const areas: AreaAnswer[] = [];
    for (let i = 0; body[`area-${i}`] !== undefined; i++) {
      const goals = Array.from({ length: GOAL_ROWS }, (_, j) => {
        const value = (f: GoalField) => body[`${f}-${i}-${j}`]?.trim() || undefined;
        const year = value('targetYear');
        const goal = Object.fromEntries(
          GOAL_FIELDS.filter((f) => f !== 'targetYear' && value(f)).map((f) => [f, value(f)]),
        ) as Partial<Goal>;
        return { ...goal, ...(year ? { targetYear: Number(year) } : {}) };
      }).filter((g) => Object.keys(g).length > 0) as Goal[];
      const text = body[`area-${i}`]?.trim();
      if (text || goals.length) areas.push({ area: i, ...(text ? { text } : {}), ...(goals.length ? { goals } : {}) });
    }
    return areas;
  }

  function act(r: Resolved, body: Record<string, string | undefined>, attachments: FileRef[]): Promise<Receipt> {
    const { ctx, person } = r;
    const base = { taskId: ctx.taskId, participantEmail: person.email };
    // The form's one-time id: a double click or a resent form returns the first receipt instead of a second answer.
    const updateId = `web-${requestIdOf(body.request)}`;
    const call = <Req>(update: Parameters<typeof partyAction<Req>>[3], request: Req) =>
      partyAction(deps.client, ctx.cycleId, ctx.partyCode, update, request, { updateId, waitMs: deps.answerWaitMs });
    switch (body.action) {
      case 'answer': {
        const areas = areasOf(body);
        const followUp = followUpOf(body);
        return call(submitAnswerUpdate, {
          ...base,
          ...(body.text?.trim() || (!areas.length && !followUp.length) ? { text: body.text ?? '' } : {}),
          ...(areas.length ? { areas } : {}),
          ...(followUp.length ? { followUp } : {}),
          ...(attachments.length ? { attachments } : {}),
        });
      }
      case 'no-comments':
        return call(submitAnswerUpdate, { ...base, noComments: true });
      case 'register': {
        const attendees = Array.from({ length: ATTENDEE_ROWS }, (_, i) => ({
          name: body[`name${i}`]?.trim() ?? '',
          role: body[`role${i}`]?.trim() ?? '',
          organisation: body[`organisation${i}`]?.trim() ?? '',
        })).filter((a) => a.name);
        return call(registerAttendeesUpdate, {
          ...base,
          attendees: attendees.map((a) => ({
            ...a,
            role: a.role || '-',
            organisation: a.organisation || ctx.partyName,
          })),
        });
      }
      case 'approve':
        return call(signOffUpdate, {
          ...base,
          decision: 'approved',
          documentSha256: body.sha256 ?? '',
          decisionReference: body.decisionReference?.trim() || undefined,
        });
      case 'reject':
        return call(signOffUpdate, {
          ...base,
          decision: 'rejected',
          documentSha256: body.sha256 ?? '',
          reason: body.reason?.trim() || undefined,
        });
      default:
        throw new UserError('unknown action', 'InvalidRequest');
    }
  }

  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/t/:token', async (request, reply) => {
    const r = await resolve(request.params.token, request.query.lang);
    if (!r) return refused(reply, request.query.lang);
    return reply.type('text/html').send(await taskPage(r, request.params.token, null));
  });

  app.post<{ Params: { token: string }; Querystring: { lang?: string } }>('/t/:token', async (request, reply) => {
    const r = await resolve(request.params.token, request.query.lang);
    if (!r) return refused(reply, request.query.lang);
    const { fields: body, files } = await readForm(request);
    const { agenda } = await cycleSettings(deps.db, r.ctx.cycleId);
    if (body.action === 'draft') {
      // Kept by the web server, not sent: then back to the task page, which shows it and when it was saved.
      await saveDraft(deps.db, r.ctx.taskId, r.person.email, draftFields(body));
      return reply.redirect(`/t/${request.params.token}?lang=${r.lang}`, 303);
    }
    try {
      const attachments = body.action === 'answer' ? await storeAttachments(r, files.attachments ?? []) : [];
      const receipt = await act(r, body, attachments);
      if (body.action === 'answer') await dropDraft(deps.db, r.ctx.taskId, r.person.email);
      // Post, then redirect: the receipt page reads the receipt back from Temporal, so a refresh acts nothing twice.
      const to = `/t/${request.params.token}/receipt/${encodeURIComponent(receipt.updateId)}?lang=${r.lang}`;
      return reply.redirect(to, 303);
    } catch (err) {
      // Sent, outcome not known in time: the receipt page asks Temporal by the request's id until it knows.
      if (err instanceof NotConfirmedYet) {
        return reply.redirect(
          `/t/${request.params.token}/receipt/${encodeURIComponent(err.updateId)}?lang=${r.lang}`,
          303,
        );
      }
      if (!(err instanceof UserError)) throw err;
      return reply
        .code(422)
        .type('text/html')
        .send(
          await taskPage(
            r,
            request.params.token,
            problemOf(err, r.w, {
              areaNames: areasOf(body).map((a) => {
                const item = agenda[a.area];
                return item === undefined ? `#${a.area + 1}` : agendaName(item, r.lang);
              }),
            }),
            draftFields(body),
          ),
        );
    }
  });

  app.get<{ Params: { token: string; updateId: string }; Querystring: { lang?: string } }>(
    '/t/:token/receipt/:updateId',
    async (request, reply) => {
      const r = await resolve(request.params.token, request.query.lang);
      if (!r) return refused(reply, request.query.lang);
      const { ctx, w } = r;
      const outcome = await partyActionOutcome(deps.client, ctx.cycleId, ctx.partyCode, request.params.updateId);
      if (outcome.state === 'not-confirmed') {
        const pending = html`<h1>${w.receipt}</h1><div class="notice" role="status"><p>${w.notConfirmed}</p></div>
          <table class="facts"><tr><th scope="row">${w.receiptId}</th><td class="hash">${request.params.updateId}</td></tr></table>`;
        return reply
          .code(202)
          .type('text/html')
          .send(page({ lang: r.lang, title: w.receipt, body: pending, refreshSeconds: 5 }));
      }
      if (outcome.state === 'refused') {
        return reply
          .code(422)
          .type('text/html')
          .send(await taskPage(r, request.params.token, problemOf(outcome.error, w)));
      }
      const receipt = outcome.state === 'recorded' ? outcome.receipt : null;
      if (receipt?.taskId !== ctx.taskId) return refused(reply, request.query.lang);
      const body = html`<h1>${w.receipt}</h1><div class="notice" role="status"><p>${w.recorded(w.mail.date(receipt.recordedAt))}${receipt.late ? html` (${w.late})` : ''}</p></div>
        <table class="facts"><tr><th scope="row">${w.mail.labels.reference}</th><td>${receipt.taskId}</td></tr><tr><th scope="row">${w.receiptId}</th><td class="hash">${receipt.updateId}</td></tr></table>
        <p><a href="/t/${request.params.token}?lang=${r.lang}">${w.back}</a></p>`;
      return reply
        .header('cache-control', 'no-store')
        .type('text/html')
        .send(page({ lang: r.lang, title: w.receipt, body }));
    },
  );

  // An attachment the participant may read: one of the party's own answers, or another party's in a phase whose
  // answers the cycle shows once it has closed.
  app.get<{ Params: { token: string; sha256: string } }>('/t/:token/attachments/:sha256', async (request, reply) => {
    const r = await resolve(request.params.token, undefined);
    if (!r) return refused(reply, undefined);
    const { ctx } = r;
    const rows = await attachmentInCycle(deps.db, ctx.cycleId, request.params.sha256);
    const { answersVisible } = await cycleSettings(deps.db, ctx.cycleId);
    const closed = answersVisible === 'after-phase' ? await closedPhases(deps.db, ctx.cycleId, ctx.partyCode) : [];
    const readable = rows.find((a) => a.partyCode === ctx.partyCode || closed.includes(a.phaseKey));
    const sent = readable && (await sendFile(reply, deps.db, { ...readable, sha256: request.params.sha256 }));
    return sent || refused(reply, undefined);
  });

  // The agreement, for every participant of the cycle, as it was mailed.
  app.get<{ Params: { token: string } }>('/t/:token/agreement', async (request, reply) => {
    const r = await resolve(request.params.token, undefined);
    const agreement = r && (await agreementOf(deps.db, r.ctx.cycleId));
    const name = `sopimus-${r?.ctx.cycleId}.pdf`;
    const sent =
      agreement && (await sendFile(reply, deps.db, { sha256: agreement.sha256, name, mediaType: 'application/pdf' }));
    return sent || refused(reply, undefined);
  });

  app.get<{ Params: { token: string } }>('/t/:token/document', async (request, reply) => {
    const r = await resolve(request.params.token, undefined);
    if (!r?.ctx.documentVersion) return refused(reply, undefined);
    return (await sendOriginal(reply, deps.db, r.ctx.cycleId, r.ctx.documentVersion)) ?? refused(reply, undefined);
  });
}
