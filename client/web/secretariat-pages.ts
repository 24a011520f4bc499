// The secretariat's screens: the list of cycles (and starting one from a file), and a cycle's page with every
// party's state at a glance, refused mail, and every control of the cycle engine.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { cycleList } from '../../db/web-queries';
import { TIME_ZONE, type CycleStatus } from '../../workflows/contracts';
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
import { checkCycle, parseCycleText } from '../cycle-file';
import { taskMark } from '../format-status';
import { control, controlOutcome, cycleStatus, startCycle, UserError } from '../cycles';
import { html, page, type SafeHtml } from './html';
import type { WebDeps } from './server';
import { csrfField, requireRole, staffNav, type StaffUser } from './session';

type Fields = Record<string, string | undefined>;

/** Form fields from a url-encoded or multipart body; an uploaded file comes back as text with its name. */
async function readForm(
  request: FastifyRequest,
): Promise<{ fields: Fields; file: { name: string; text: string } | null }> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Fields = {};
  let file: { name: string; text: string } | null = null;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (value && typeof value === 'object' && 'type' in value) {
      const part = value as { type: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };
      if (part.type === 'field') fields[key] = String(part.value ?? '');
      else if (part.type === 'file' && part.filename && part.toBuffer)
        file = { name: part.filename, text: (await part.toBuffer()).toString('utf8') };
    }
  }
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
const isControl = (name: string): name is Control => Object.hasOwn(DONE, name);
/** A form's one-time request id, as the page made it. */
const NONCE = /^[0-9a-f-]{36}$/;

function controls(status: CycleStatus, reply: FastifyReply): SafeHtml {
  const id = encodeURIComponent(status.cycleId);
  const csrf = csrfField(reply);
  const parties = status.parties.map((p) => html`<option value="${p.code}">${p.code} ${p.name}</option>`);
  const form = (name: string, legend: string, fields: SafeHtml | string, multipart = false) =>
    html`<form method="post" action="/cycles/${id}/${name}" ${multipart ? html`enctype="multipart/form-data"` : ''}><fieldset><legend>${legend}</legend>${csrf}<input type="hidden" name="request" value="${randomUUID()}">${fields}<button type="submit">${legend}</button></fieldset></form>`;
  const reason = (idPrefix: string) =>
    html`<label for="${idPrefix}-reason">Reason</label><input type="text" id="${idPrefix}-reason" name="reason" required>`;
  return html`
    ${form('publish-draft', 'Publish a draft', html`<label for="draft-title">Draft title</label><input type="text" id="draft-title" name="title" required><label for="draft-file">Draft (text or Markdown, at most 1 MB)</label><input type="file" id="draft-file" name="file" accept=".txt,.md,text/plain,text/markdown" required>`, true)}
    ${form('close-phase', 'Close the open phase', html`<p class="muted">Open: ${status.openPhaseKey ?? 'none'}. Missing answers become "no response".</p>`)}
    ${form('extend', 'Extend the deadline', html`<label for="extend-party">Party</label><select id="extend-party" name="partyCode"><option value="">All parties</option>${parties}</select><label for="extend-days">Working days to add</label><input type="number" id="extend-days" name="workingDays" min="1" max="60" value="5" required>${reason('extend')}`)}
    ${form('schedule-meeting', 'Schedule the meeting', html`<label for="meeting-at">Starts (Helsinki time)</label><input type="datetime-local" id="meeting-at" name="startsAt" required><label for="meeting-location">Place</label><input type="text" id="meeting-location" name="location"><label for="meeting-link">Link</label><input type="text" id="meeting-link" name="link">`)}
    ${form('record-minutes', 'Record the minutes', html`<label for="minutes-attendees">Attendees, one per line: party code; name; role; organisation</label><textarea id="minutes-attendees" name="attendees" required></textarea><label for="minutes-items">Agenda items, one per line: title: conclusion</label><textarea id="minutes-items" name="items" required></textarea>`)}
    ${form('start-sign-off', 'Start the sign-off', html`<label for="signoff-version">Final version (empty: the latest draft)</label><input type="number" id="signoff-version" name="documentVersion" min="1">`)}
    ${form('replace-participant', 'Replace a participant', html`<label for="replace-party">Party</label><select id="replace-party" name="partyCode">${parties}</select><label for="replace-old">Current email</label><input type="email" id="replace-old" name="oldEmail" required><label for="replace-name">New name</label><input type="text" id="replace-name" name="name" required><label for="replace-email">New email</label><input type="email" id="replace-email" name="email" required><label for="replace-role">Role</label><select id="replace-role" name="role"><option>contact</option><option>signatory</option><option>member</option></select>${reason('replace')}`)}
    ${form('record', 'Record on behalf of a party', html`<label for="record-party">Party</label><select id="record-party" name="partyCode">${parties}</select><label for="record-kind">What</label><select id="record-kind" name="what"><option value="answer">Answer</option><option value="no-comments">No comments</option><option value="approve">Approval</option><option value="reject">Rejection</option></select><label for="record-text">Answer, decision reference or rejection reason</label><textarea id="record-text" name="text"></textarea>${reason('record')}`)}
    ${form('cancel', 'Cancel the cycle', reason('cancel'))}`;
}

export function registerSecretariatPages(app: FastifyInstance, deps: WebDeps): void {
  const staffPage = (user: StaffUser, reply: FastifyReply, title: string, body: SafeHtml) =>
    reply.type('text/html').send(page({ lang: 'en', title, body, nav: staffNav(user, reply) }));

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
    notice: { ok: boolean; text: string } | null,
  ) {
    const status = await cycleStatus(deps.client, cycleId);
    const open = status.openPhaseKey ? status.deadlines[status.openPhaseKey] : null;
    const body = html`<h1>${status.title}</h1>
      ${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}
      <table class="facts"><tr><th scope="row">Cycle</th><td>${status.cycleId} (${status.kind})</td></tr><tr><th scope="row">Phase</th><td>${status.phase}${status.openPhaseKey ? ` – ${status.openPhaseKey} open` : ''}</td></tr>
        ${open ? html`<tr><th scope="row">Deadline</th><td>${DateTime.fromISO(open.nominal, { zone: TIME_ZONE }).toFormat('ccc d.L.yyyy HH:mm')}</td></tr>` : ''}
        ${status.documents.map((d) => html`<tr><th scope="row">Draft v${d.version}</th><td>${d.title} <span class="hash">${d.sha256}</span>${status.finalDocument?.version === d.version ? ' (final)' : ''}</td></tr>`)}
        ${status.outcome ? html`<tr><th scope="row">Outcome</th><td>${status.outcome}</td></tr>` : ''}</table>
      <p><a href="/audit/cycles/${encodeURIComponent(cycleId)}">Timeline</a></p>
      <h2>Parties and tasks</h2>${matrix(status)}
      <h2>Refused mail</h2>${status.mailFailures.length ? html`<ul>${status.mailFailures.map((f) => html`<li>${f.partyCode ?? 'secretariat'}: ${f.to} (${f.kind}) – ${f.error}</li>`)}</ul>` : html`<p class="muted">None.</p>`}
      ${status.phase === 'completed' || status.phase === 'cancelled' ? '' : html`<h2>Controls</h2>${controls(status, reply)}`}`;
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), status.title, body);
  }

  app.get('/cycles', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (user) return listPage(user, reply, null);
  });

  app.post('/cycles', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const { file } = await readForm(request);
    try {
      if (!file) throw new UserError('choose a cycle file');
      if (!/\.(ya?ml|json)$/i.test(file.name))
        throw new UserError('the cycle file must be YAML or JSON (.yaml, .yml, .json)');
      const valid = await checkCycle(deps.db, parseCycleText(file.text, file.name));
      await startCycle(deps.client, valid, deps.taskQueue);
      return reply.redirect(`/cycles/${encodeURIComponent(valid.input.cycleId)}`, 303);
    } catch (err) {
      if (err instanceof CycleFileError || err instanceof UserError) return listPage(user, reply, err.message);
      throw err;
    }
  });

  /** The notice for a receipt the page was sent to: only a control Temporal has recorded, in words of our own. */
  async function receiptNotice(cycleId: string, updateId: string | undefined) {
    const name = updateId?.split(':')[0] ?? '';
    if (!updateId || !isControl(name)) return null;
    const receipt = await controlOutcome(deps.client, cycleId, updateId).catch(() => null);
    return receipt ? { ok: true, text: `${DONE[name]} (${receipt.recordedAt.slice(0, 19)}Z)` } : null;
  }

  app.get<{ Params: { id: string }; Querystring: { receipt?: string } }>('/cycles/:id', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    if (user.role === 'auditor') return reply.redirect(`/audit/cycles/${encodeURIComponent(request.params.id)}`);
    try {
      return await cyclePage(
        user,
        reply,
        request.params.id,
        await receiptNotice(request.params.id, request.query.receipt),
      );
    } catch (err) {
      if (err instanceof UserError)
        return reply
          .code(404)
          .type('text/html')
          .send(
            page({
              lang: 'en',
              title: 'Not found',
              body: html`<h1>Not found</h1><p>${err.message}</p>`,
              nav: staffNav(user, reply),
            }),
          );
      throw err;
    }
  });

  const requests: Record<
    Control,
    (f: Fields, by: string, file: { name: string; text: string } | null) => [unknown, object]
  > = {
    'publish-draft': (f, by, file) => {
      if (!file) throw new UserError('choose the draft file');
      if (!/\.(md|txt)$/i.test(file.name) || file.text.includes('\u0000'))
        throw new UserError('the draft must be a text or Markdown file (.txt, .md)');
      return [publishDraftUpdate, { by, title: f.title ?? '', content: file.text }];
    },
    'close-phase': (_f, by) => [closePhaseUpdate, { by }],
    extend: (f, by) => [
      extendDeadlineUpdate,
      { by, partyCode: f.partyCode || undefined, workingDays: Number(f.workingDays), reason: f.reason ?? '' },
    ],
    'schedule-meeting': (f, by) => {
      const at = DateTime.fromISO(f.startsAt ?? '', { zone: TIME_ZONE });
      if (!at.isValid) throw new UserError('give the meeting start as a date and time');
      return [
        scheduleMeetingUpdate,
        { by, startsAt: at.toISO()!, location: f.location || undefined, link: f.link || undefined },
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
      { by, documentVersion: f.documentVersion ? Number(f.documentVersion) : undefined },
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
    cancel: (f, by) => [cancelCycleUpdate, { by, reason: f.reason ?? '' }],
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
      try {
        const { fields, file } = await readForm(request);
        const [update, body] = requests[name](fields, user.email, file);
        // The form's one-time id: a double click or a resent form returns the first receipt, not a second control.
        const updateId = `${name}:${NONCE.test(fields.request ?? '') ? fields.request : randomUUID()}`;
        await control(deps.client, id, update as never, body, updateId);
        // Post, then redirect: the page reads the receipt back from Temporal by its id; nothing in the URL is shown.
        return reply.redirect(`/cycles/${encodeURIComponent(id)}?receipt=${encodeURIComponent(updateId)}`, 303);
      } catch (err) {
        if (err instanceof UserError) return cyclePage(user, reply, id, { ok: false, text: err.message });
        throw err;
      }
    },
  );
}
