// The secretariat's screens: the list of cycles (and starting one from a file), and a cycle's page with every
// party's state at a glance, refused mail, and every control of the cycle engine.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { cycleAnswers, meetingRecord } from '../../db/answers';
import { cycleAgenda, cycleList, cycleNaming, cycleSettings } from '../../db/web-queries';
import { statementSummary } from '../statement-summary';
import { agendaName } from '../../activities/domain/cycle-templates';
import { mailLog } from '../../db/mail-log';
import { ErrorType, LATE_MAIL_MINUTES, TIME_ZONE, type CycleStatus } from '../../workflows/contracts';
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
import { CycleFileError } from '../../activities/domain/cycle-definition';
import { TextEncodingError, utf8Text } from '../../activities/domain/text';
import { checkCycle, mailedAtStart, parseCycleFile } from '../cycle-file';
import { formatAnswers, goalsRegisterCsv } from '../answers';
import { followUpCsv, STATUS_WORDS } from '../follow-up';
import { followUpReport } from '../../db/follow-up';
import { inWords, taskMark } from '../format-status';
import { control, controlOutcome, cycleStatus, NOT_FOUND, NotConfirmedYet, startCycle, UserError } from '../cycles';
import { answersSection, meetingSection } from './answers-view';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './server';
import { requestIdField, requestIdOf } from './request-id';
import { csrfField, requireRole, staffNav, type StaffUser } from './session';

type Fields = Record<string, string | undefined>;
/** A file as uploaded: its bytes are checked (UTF-8, size) by whoever reads them. */
type Upload = { name: string; bytes: Buffer };
type Form = { fields: Fields; file: Upload | null };

/** Form fields from a url-encoded or multipart body; an uploaded file comes back as text with its name. */
async function readForm(request: FastifyRequest): Promise<Form> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Fields = {};
  let file: Upload | null = null;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (value && typeof value === 'object' && 'type' in value) {
      const part = value as { type: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };
      if (part.type === 'field') fields[key] = String(part.value ?? '');
      else if (part.type === 'file' && part.filename && part.toBuffer)
        file = { name: part.filename, bytes: await part.toBuffer() };
    }
  }
  // A confirmation page sends the file back as text fields: from here on it is the upload again.
  if (!file && fields.file_name && fields.file_text !== undefined) {
    file = { name: fields.file_name, bytes: Buffer.from(fields.file_text, 'utf8') };
  }
  delete fields.file_name;
  delete fields.file_text;
  return { fields, file };
}

function matrix(status: CycleStatus): SafeHtml {
  const phases = Object.keys(status.deadlines);
  return html`<table><caption class="muted">• = still takes answers</caption><thead><tr><th scope="col">Party</th>${phases.map((p) => html`<th scope="col">${p}</th>`)}</tr></thead><tbody>
    ${status.parties.map(
      (party) =>
        html`<tr><th scope="row">${party.code} ${party.name}</th>${phases.map((p) => {
          const task = party.tasks[p];
          return html`<td class="s-${task?.decision ?? task?.status ?? ''}${task?.late ? ' s-late' : ''}">${taskMark(task, ' •')}</td>`;
        })}</tr>`,
    )}
  </tbody></table>`;
}

/** What each control says once Temporal has recorded it. */
const DONE = {
  'publish-draft': 'Draft published',
  'close-phase': 'Phase closed',
  extend: 'Deadline extended',
  'schedule-meeting': 'Meeting scheduled',
  'record-minutes': 'Minutes recorded',
  'start-sign-off': 'Sign-off started',
  'replace-participant': 'Participant replaced',
  record: 'Recorded on behalf of the party',
  cancel: 'Cycle cancelled',
} as const;
type Control = keyof typeof DONE;
/** The button of each control, as its form says it. */
const LEGENDS: Record<Control, string> = {
  'publish-draft': 'Publish a draft',
  'close-phase': 'Close the open phase',
  extend: 'Extend the deadline',
  'schedule-meeting': 'Schedule the meeting',
  'record-minutes': 'Record the minutes',
  'start-sign-off': 'Start the sign-off',
  'replace-participant': 'Replace a participant',
  record: 'Record on behalf of a party',
  cancel: 'Cancel the cycle',
};
/** A draft's text: UTF-8 only. */
function draftText(upload: Upload | null): string {
  if (!upload) throw new UserError('choose the draft file');
  try {
    return utf8Text(upload.bytes, upload.name);
  } catch (err) {
    if (err instanceof TextEncodingError) throw new UserError(err.message);
    throw err;
  }
}

/** A yes given on the confirmation page. */
const confirm = (f: Fields) => (f.confirm === 'yes' ? { confirm: true as const } : {});
const isControl = (name: string): name is Control => Object.hasOwn(DONE, name);
/** What a cycle page says above everything else: a receipt, a refusal, or a request not confirmed yet. */
type Notice = { ok: boolean; text: string; pending?: boolean };

function controls(status: CycleStatus, reply: FastifyReply): SafeHtml {
  const id = encodeURIComponent(status.cycleId);
  const csrf = csrfField(reply);
  const parties = status.parties.map((p) => html`<option value="${p.code}">${p.code} ${p.name}</option>`);
  const form = (name: Control, fields: SafeHtml | string, multipart = false) =>
    html`<form method="post" action="/cycles/${id}/${name}" ${multipart ? html`enctype="multipart/form-data"` : ''}><fieldset><legend>${LEGENDS[name]}</legend>${csrf}${requestIdField()}${fields}<button type="submit">${LEGENDS[name]}</button></fieldset></form>`;
  const reason = (idPrefix: string) =>
    html`<label for="${idPrefix}-reason">Reason</label><input type="text" id="${idPrefix}-reason" name="reason" required>`;
  return html`
    ${form('publish-draft', html`<label for="draft-title">Draft title</label><input type="text" id="draft-title" name="title" required><label for="draft-file">Draft (text or Markdown, at most 1 MB)</label><input type="file" id="draft-file" name="file" accept=".txt,.md,text/plain,text/markdown" required>`, true)}
    ${form('close-phase', html`<p class="muted">Open: ${status.openPhaseKey ?? 'none'}. Missing answers become "no response".</p>`)}
    ${form('extend', html`<label for="extend-party">Party</label><select id="extend-party" name="partyCode"><option value="">All parties</option>${parties}</select><label for="extend-days">Working days to add</label><input type="number" id="extend-days" name="workingDays" min="1" max="60" value="5" required>${reason('extend')}`)}
    ${form('schedule-meeting', html`<label for="meeting-at">Starts (Helsinki time)</label><input type="datetime-local" id="meeting-at" name="startsAt" required><label for="meeting-location">Place</label><input type="text" id="meeting-location" name="location"><label for="meeting-link">Link</label><input type="text" id="meeting-link" name="link">`)}
    ${form('record-minutes', html`<label for="minutes-attendees">Attendees, one per line: party code; name; role; organisation</label><textarea id="minutes-attendees" name="attendees" required></textarea><label for="minutes-items">Agenda items, one per line: title: conclusion</label><textarea id="minutes-items" name="items" required></textarea>`)}
    ${form('start-sign-off', html`<label for="signoff-version">Final version (empty: the latest draft)</label><input type="number" id="signoff-version" name="documentVersion" min="1">${status.minutesRecorded ? '' : html`<label for="signoff-no-meeting">No meeting was held: why (kept in the record)</label><input type="text" id="signoff-no-meeting" name="noMeetingReason">`}`)}
    ${form('replace-participant', html`<label for="replace-party">Party</label><select id="replace-party" name="partyCode">${parties}</select><label for="replace-old">Current email</label><input type="email" id="replace-old" name="oldEmail" required><label for="replace-name">New name</label><input type="text" id="replace-name" name="name" required><label for="replace-email">New email</label><input type="email" id="replace-email" name="email" required><label for="replace-role">Role</label><select id="replace-role" name="role"><option>contact</option><option>signatory</option><option>member</option></select>${reason('replace')}`)}
    ${form('record', html`<label for="record-party">Party</label><select id="record-party" name="partyCode">${parties}</select><label for="record-kind">What</label><select id="record-kind" name="what"><option value="answer">Answer</option><option value="no-comments">No comments</option><option value="approve">Approval</option><option value="reject">Rejection</option></select><label for="record-text">Answer, decision reference or rejection reason</label><textarea id="record-text" name="text"></textarea>${reason('record')}`)}
    ${form('cancel', reason('cancel'))}`;
}

export function registerSecretariatPages(app: FastifyInstance, deps: WebDeps): void {
  const staffPage = (user: StaffUser, reply: FastifyReply, title: string, body: SafeHtml, refreshSeconds?: number) =>
    reply.type('text/html').send(page({ lang: 'en', title, body, nav: staffNav(user, reply), refreshSeconds }));

  const notFound = (user: StaffUser, reply: FastifyReply, message: string) =>
    staffPage(user, reply.code(404), 'Not found', html`<h1>Not found</h1><p>${message}</p>`);

  /** What a request would do, said before it is done: the same form once more (its file as text), with a yes. */
  function confirmationPage(
    user: StaffUser,
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
    const body = html`<h1>Confirm: ${ask.heading}</h1>
      <div class="error" role="alert"><p>${ask.consequences}</p></div>
      <form method="post" action="${ask.action}">${csrfField(reply)}${hidden}
        <input type="hidden" name="confirm" value="yes"><button type="submit">${ask.yes}</button></form>
      <p><a href="${ask.back.href}">${ask.back.label}</a></p>`;
    return staffPage(user, reply.code(409), 'Confirm', body);
  }

  async function listPage(user: StaffUser, reply: FastifyReply, problem: string | null) {
    const cycles = await cycleList(deps.db);
    const base = user.role === 'auditor' ? '/audit/cycles' : '/cycles';
    const body = html`<h1>Negotiation cycles</h1>${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}
      <table><thead><tr><th scope="col">Cycle</th><th scope="col">Kind</th><th scope="col">Period</th><th scope="col">Phase</th><th scope="col">Outcome</th><th scope="col">Started</th></tr></thead><tbody>
      ${cycles.map((c) => html`<tr><td><a href="${base}/${encodeURIComponent(c.id)}">${c.title}</a><br><span class="muted">${c.id}</span></td><td>${c.kind}</td><td>${c.period}</td><td>${c.phase}</td><td>${c.outcome ?? ''}</td><td>${c.startedAt.toISOString().slice(0, 16)}</td></tr>`)}
      </tbody></table>
      ${
        user.role === 'secretariat'
          ? html`<form method="post" action="/cycles" enctype="multipart/form-data"><fieldset><legend>Start a cycle</legend>${csrfField(reply)}<label for="cycle-file">Cycle file (YAML or JSON)</label><input type="file" id="cycle-file" name="file" accept=".yaml,.yml,.json" required><button type="submit">Start</button></fieldset></form>`
          : ''
      }`;
    return staffPage(user, reply.code(problem ? 422 : 200), 'Cycles', body);
  }

  async function cyclePage(
    user: StaffUser,
    reply: FastifyReply,
    cycleId: string,
    notice: Notice | null,
    phase?: string,
    area?: number,
  ) {
    const status = await cycleStatus(deps.client, cycleId);
    const said = await cycleAnswers(deps.db, cycleId);
    const { agenda, answersVisible } = await cycleSettings(deps.db, cycleId);
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
    const body = html`<h1>${status.title}</h1>
      ${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}
      <table class="facts"><tr><th scope="row">Cycle</th><td>${status.cycleId} (${status.kind})</td></tr><tr><th scope="row">Phase</th><td>${status.phase}${status.openPhaseKey ? ` – ${status.openPhaseKey} open` : ''}</td></tr>
        ${open ? html`<tr><th scope="row">Deadline</th><td>${DateTime.fromISO(open.nominal, { zone: TIME_ZONE }).toFormat('ccc d.L.yyyy HH:mm')}</td></tr>` : ''}
        ${status.documents.map((d) => html`<tr><th scope="row">Draft v${d.version}</th><td>${d.title} <span class="hash">${d.sha256}</span>${status.finalDocument?.version === d.version ? ' (final)' : ''}</td></tr>`)}
        ${status.outcome ? html`<tr><th scope="row">Outcome</th><td>${inWords(status.outcome)}</td></tr>` : ''}
        <tr><th scope="row">Answers shown</th><td>${answersVisible === 'after-phase' ? 'to every party once the phase has closed' : 'to the secretariat only'}</td></tr>
        ${agenda.length ? html`<tr><th scope="row">Agenda</th><td>${agenda.map((item) => agendaName(item, 'en')).join('; ')}</td></tr>` : ''}</table>
      <p><a href="/audit/cycles/${encodeURIComponent(cycleId)}">Timeline</a></p>
      <h2>Parties and tasks</h2>${matrix(status)}
      ${answersSection(cycleId, said, phases, shown, agenda, area)}
      ${meetingSection(await meetingRecord(deps.db, cycleId))}
      ${late.length ? html`<h2>Mail not delivered yet</h2><div class="error" role="alert"><p>${late.length} ${late.length === 1 ? 'message has' : 'messages have'} waited more than ${LATE_MAIL_MINUTES} minutes for the mail server; they are retried, and sent once it takes them.</p><ul>${late.slice(0, 20).map((m) => html`<li>${m.recipient} (${m.kind}) since ${m.createdAt.toISOString().slice(0, 16)}Z${m.lastError ? ` – ${m.lastError}` : ''}</li>`)}</ul></div>` : ''}
      <h2>Refused mail</h2>${status.mailFailures.length ? html`<ul>${status.mailFailures.map((f) => html`<li>${f.partyCode ?? 'secretariat'}: ${f.to} (${f.kind}) – ${f.error}</li>`)}</ul>` : html`<p class="muted">None.</p>`}
      ${status.phase === 'completed' || status.phase === 'cancelled' ? '' : html`<h2>Controls</h2>${controls(status, reply)}`}`;
    // A control not confirmed yet: the page loads again until Temporal says what became of it.
    return staffPage(
      user,
      reply.code(notice && !notice.ok ? 422 : 200),
      status.title,
      body,
      notice?.pending ? 5 : undefined,
    );
  }

  app.get('/cycles', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (user) return listPage(user, reply, null);
  });

  app.post('/cycles', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const form = await readForm(request);
    const { fields, file } = form;
    try {
      if (!file) throw new UserError('choose a cycle file');
      if (!/\.(ya?ml|json)$/i.test(file.name))
        throw new UserError('the cycle file must be YAML or JSON (.yaml, .yml, .json)');
      const valid = await checkCycle(deps.db, parseCycleFile(file.bytes, file.name));
      if (fields.confirm !== 'yes') {
        const { input } = valid;
        const consequences = `Starting cycle ${input.cycleId} mails ${mailedAtStart(input)} people in ${input.parties.length} parties their first task.`;
        const back = { href: '/cycles', label: 'No, back to the cycles' };
        const confirmation = {
          heading: `start ${input.title}`,
          consequences,
          action: '/cycles',
          yes: 'Yes, start the cycle',
          back,
        };
        return confirmationPage(user, reply, confirmation, form);
      }
      await startCycle(deps.client, valid, deps.taskQueue);
      return reply.redirect(`/cycles/${encodeURIComponent(valid.input.cycleId)}`, 303);
    } catch (err) {
      if (err instanceof CycleFileError || err instanceof UserError) return listPage(user, reply, err.message);
      throw err;
    }
  });

  /** The notice for a request the page was sent to, from what Temporal says of it, in words of our own. */
  async function receiptNotice(cycleId: string, updateId: string | undefined): Promise<Notice | null> {
    const name = updateId?.split(':')[0] ?? '';
    if (!updateId || !isControl(name)) return null;
    const outcome = await controlOutcome(deps.client, cycleId, updateId);
    switch (outcome.state) {
      case 'recorded':
        return { ok: true, text: `${DONE[name]} (${outcome.receipt.recordedAt.slice(0, 19)}Z)` };
      case 'refused':
        return { ok: false, text: `Not done: ${outcome.error.message}` };
      case 'not-confirmed':
        return {
          ok: true,
          pending: true,
          text: `${LEGENDS[name]}: not confirmed yet (request ${updateId}). It may already be recorded; this page checks again every few seconds. Do not send it again.`,
        };
      case 'unknown-request':
        return null;
    }
  }

  /** A file about one cycle, for the secretariat and auditors (a 404 page for an unknown cycle), saved as
   * `<name>.<extension>`; `cycle.fileId` is the cycle id as a file name may hold it. */
  function cycleDownload(
    file: string,
    type: string,
    make: (
      cycle: NonNullable<Awaited<ReturnType<typeof cycleNaming>>> & { id: string; fileId: string },
      query: { lang?: string },
    ) => Promise<{ name: string; body: string | Buffer }>,
  ) {
    app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
      `/cycles/:id/${file}`,
      async (request, reply) => {
        const user = requireRole(request, reply, ['secretariat', 'auditor']);
        if (!user) return;
        const cycle = await cycleNaming(deps.db, request.params.id);
        if (!cycle) return notFound(user, reply, 'no such cycle');
        const fileId = request.params.id.replace(/[^A-Za-z0-9-]+/g, '_');
        const { name, body } = await make({ ...cycle, id: request.params.id, fileId }, request.query);
        const extension = file.split('.').at(-1)!;
        return reply.type(type).header('content-disposition', `attachment; filename="${name}.${extension}"`).send(body);
      },
    );
  }

  const CSV = 'text/csv; charset=utf-8';
  cycleDownload('answers.csv', CSV, async (cycle) => ({
    name: `answers-${cycle.fileId}`,
    body: formatAnswers(await cycleAnswers(deps.db, cycle.id), 'csv'),
  }));
  cycleDownload('goals.csv', CSV, async (cycle) => ({
    name: `goals-${cycle.fileId}`,
    body: goalsRegisterCsv(await cycleAnswers(deps.db, cycle.id), await cycleAgenda(deps.db, cycle.id)),
  }));
  cycleDownload('follow-up.csv', CSV, async (cycle) => ({
    name: `follow-up-${cycle.countyCode}`,
    body: followUpCsv(await followUpReport(deps.db, cycle.countyCode)),
  }));
  cycleDownload(
    'summary.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    async (cycle, query) => {
      const language = query.lang === 'sv' ? 'sv' : 'fi';
      return {
        name: `${language === 'sv' ? 'sammanstallning' : 'lausuntoyhteenveto'}-${cycle.fileId}`,
        body: await statementSummary({
          title: cycle.title,
          agenda: await cycleAgenda(deps.db, cycle.id),
          rows: await cycleAnswers(deps.db, cycle.id),
          language,
        }),
      };
    },
  );

  app.get<{ Params: { id: string } }>('/cycles/:id/follow-up', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const cycle = await cycleNaming(deps.db, request.params.id);
    if (!cycle) return notFound(user, reply, 'no such cycle');
    const county = cycle.countyCode;
    const lines = await followUpReport(deps.db, county);
    const body = html`<h1>Follow-up of goals, county ${county}</h1>
      <p class="muted">Every goal the parties set in the county's cycles, with the status each reported on it since.
        <a href="/cycles/${encodeURIComponent(request.params.id)}/follow-up.csv">Download (CSV)</a></p>
      ${
        lines.length
          ? html`<table><thead><tr><th scope="col">Party</th><th scope="col">Set in</th><th scope="col">Agenda item</th><th scope="col">Goal</th><th scope="col">Indicator and target</th><th scope="col">Follow-up</th></tr></thead><tbody>${lines.map(
              (l) =>
                html`<tr><td>${l.partyCode} ${l.partyName}</td><td>${l.kind} ${l.period}</td><td>${l.agenda[l.area] !== undefined ? agendaName(l.agenda[l.area]!, 'en') : `#${l.area + 1}`}</td><td>${l.goal}</td><td>${[l.indicator, l.baseline || l.target ? `${l.baseline ?? '?'} → ${l.target ?? '?'}` : '', l.targetYear ? String(l.targetYear) : ''].filter(Boolean).join(', ')}</td><td>${
                  l.statuses.length
                    ? html`<ul>${l.statuses.map((st) => html`<li>${st.period}: <strong>${STATUS_WORDS.en[st.status]}</strong>${st.currentValue ? ` (${st.currentValue})` : ''}${st.comment ? ` – ${st.comment}` : ''}</li>`)}</ul>`
                    : html`<span class="muted">not reported yet</span>`
                }</td></tr>`,
            )}</tbody></table>`
          : html`<p class="muted">No goals recorded in this county yet.</p>`
      }`;
    return staffPage(user, reply, `Follow-up, county ${county}`, body);
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
          await receiptNotice(request.params.id, request.query.receipt),
          request.query.phase,
          /^\d{1,2}$/.test(request.query.area ?? '') ? Number(request.query.area) : undefined,
        );
      } catch (err) {
        if (err instanceof UserError) return notFound(user, reply, err.message);
        throw err;
      }
    },
  );

  const requests: Record<Control, (f: Fields, by: string, file: Upload | null) => [unknown, object]> = {
    'publish-draft': (f, by, upload) => {
      const content = draftText(upload);
      if (!/\.(md|txt)$/i.test(upload?.name ?? ''))
        throw new UserError('the draft must be a text or Markdown file (.txt, .md)');
      return [publishDraftUpdate, { by, ...confirm(f), title: f.title ?? '', content }];
    },
    'close-phase': (f, by) => [closePhaseUpdate, { by, ...confirm(f) }],
    extend: (f, by) => [
      extendDeadlineUpdate,
      { by, partyCode: f.partyCode || undefined, workingDays: Number(f.workingDays), reason: f.reason ?? '' },
    ],
    'schedule-meeting': (f, by) => {
      const at = DateTime.fromISO(f.startsAt ?? '', { zone: TIME_ZONE });
      if (!at.isValid) throw new UserError('give the meeting start as a date and time');
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
      const form = await readForm(request);
      try {
        const [update, body] = requests[name](form.fields, user.email, form.file);
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
          const confirmation = {
            heading: LEGENDS[name],
            consequences: `${err.message}.`,
            action: `${cycle}/${name}`,
            yes: `Yes, ${LEGENDS[name].toLowerCase()}`,
            back: { href: cycle, label: 'No, back to the cycle' },
          };
          return confirmationPage(user, reply, confirmation, form);
        }
        if (err instanceof UserError && err.type === NOT_FOUND) return notFound(user, reply, err.message);
        if (err instanceof UserError) return cyclePage(user, reply, id, { ok: false, text: err.message });
        throw err;
      }
    },
  );
}
