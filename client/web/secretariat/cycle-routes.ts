// A cycle's page, and its controls: each posted form becomes its control's declared request, sent as the control's
// Update under the form's one-time id, then post/redirect/get to the page, which reads the receipt back by that id.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorType, LATE_MAIL_MINUTES } from '../../../core/contracts';
import { controlBySlug, type ControlName, type ControlRequest } from '../../../core/requests';
import { cyclePageView } from '../../../db/read-models/secretariat';
import { CONTROL_UPDATES } from '../../../workflows/cycle/messages';
import { helsinkiTime } from '../../answers';
import {
  control,
  controlOutcome,
  cycleStatus,
  DEFAULT_WAIT_MS,
  NOT_FOUND,
  NotAnswering,
  NotConfirmedYet,
  StartsLater,
  UserError,
} from '../../cycles';
import { WORDS as MAIL_WORDS } from '../../../core/domain/words';
import { html } from '../html';
import { storeDraft } from '../../uploads';
import { FileRefused } from '../../../core/domain/file-types';
import { fileRefusal } from '../file-words';
import { requestIdOf } from '../request-id';
import { csrfField, requireRole, staffPage, type StaffReader } from '../session';
import type { WebDeps } from '../web-deps';
import type { StaffWords } from '../words/staff-words';
import { confirmationPage, notFound, partiesNamed, readStaffForm, refusalText, type Form, type Notice } from './common';
import { refusalIn } from '../../refusal-words/refusal-words';
import { draftFields, formRequest } from './control-requests';
import { minutesPreview } from './minutes-form';
import { participantLanguages } from '../../../db/web-queries';
import { MINUTES_WORDS } from '../words/minutes-words';
import { cycleBody } from './cycle-views';
import { recordPending } from '../../../db/pending-requests';
import { stillPending } from './pending';

export function registerCycleRoutes(app: FastifyInstance, deps: WebDeps): void {
  async function cyclePage(
    user: StaffReader,
    reply: FastifyReply,
    cycleId: string,
    notice: Notice | null,
    phase?: string,
    area?: number,
  ) {
    const status = await cycleStatus(deps.client, cycleId, deps.answerWaitMs ?? DEFAULT_WAIT_MS);
    const view = await cyclePageView(deps.db, cycleId, new Date(Date.now() - LATE_MAIL_MINUTES * 60_000));
    const pending = await stillPending(deps.db, deps.client, [cycleId]);
    const { title, body } = cycleBody(user, status, view, { notice, phase, area, pending }, csrfField(reply));
    // A control not confirmed yet: the page loads again until Temporal says what became of it.
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), title, body, notice?.pending ? 5 : undefined);
  }

  /** A cycle just started whose parties' first tasks were not all open when the page was asked for. */
  function openingNotice(user: StaffReader, opening: string | undefined): Notice | null {
    const counts = /^(\d+)-(\d+)$/.exec(opening ?? '');
    return counts ? { ok: true, text: user.w.controls.tasksOpening(Number(counts[1]), Number(counts[2])) } : null;
  }

  /** The notice for a request the page was sent to, from what Temporal says of it, in words of our own. */
  async function receiptNotice(
    user: StaffReader,
    cycleId: string,
    updateId: string | undefined,
  ): Promise<Notice | null> {
    const { w } = user;
    const name = controlBySlug(updateId?.split(':')[0] ?? '');
    if (!updateId || !name) return null;
    const outcome = await controlOutcome(deps.client, cycleId, updateId);
    switch (outcome.state) {
      case 'recorded':
        return { ok: true, text: `${w.controls.done[name]} (${helsinkiTime(new Date(outcome.receipt.recordedAt))})` };
      case 'refused':
        return {
          ok: false,
          text: refusalText(w, user.lang, outcome.error, await partiesNamed(deps.db, user.lang)),
        };
      case 'not-confirmed':
        return { ok: true, pending: true, text: w.controls.notConfirmed(w.controls.legend[name], updateId) };
      case 'unknown-request':
        return null;
    }
  }

  app.get<{
    Params: { id: string };
    Querystring: { receipt?: string; phase?: string; area?: string; opening?: string };
  }>('/cycles/:id', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    if (user.role === 'auditor') return reply.redirect(`/audit/cycles/${encodeURIComponent(request.params.id)}`);
    try {
      return await cyclePage(
        user,
        reply,
        request.params.id,
        (await receiptNotice(user, request.params.id, request.query.receipt)) ??
          openingNotice(user, request.query.opening),
        request.query.phase,
        /^\d{1,2}$/.test(request.query.area ?? '') ? Number(request.query.area) : undefined,
      );
    } catch (err) {
      if (err instanceof UserError) return notFound(user, reply, user.w.notFound.noCycle);
      if (err instanceof NotAnswering) {
        // Nothing known of the cycle just now: said so, and the page asks again by itself.
        const text = user.w.cycle.notAnswering;
        const body = html`<h1>${err.cycleId}</h1><div class="notice" role="status">${text}</div>`;
        return staffPage(user, reply.code(503), err.cycleId, body, 5);
      }
      if (err instanceof StartsLater) {
        const text = user.w.cycle.startsLater(err.cycleId, MAIL_WORDS[user.lang].date(err.startsAt.toISOString()));
        return staffPage(
          user,
          reply,
          err.cycleId,
          html`<h1>${err.cycleId}</h1><div class="notice" role="status">${text}</div>`,
        );
      }
      throw err;
    }
  });

  /** A control's request from its form, sent as its Update: the compiler checks the one against the other. */
  function dispatch<K extends ControlName>(
    name: K,
    cycleId: string,
    form: Form,
    by: string,
    w: StaffWords,
    updateId: string,
  ) {
    const request: ControlRequest<K> = formRequest(name, form.fields, by, w);
    return control(deps.client, cycleId, CONTROL_UPDATES[name], request, { updateId, waitMs: deps.answerWaitMs });
  }

  /** The minutes as every participant will receive them, with the same form once more to record them. */
  async function minutesPreviewPage(user: StaffReader, reply: FastifyReply, cycleId: string, form: Form) {
    const m = MINUTES_WORDS[user.lang];
    const status = await cycleStatus(deps.client, cycleId);
    const minutes = formRequest('recordMinutes', form.fields, user.email, user.w);
    const languages = await participantLanguages(deps.db, cycleId);
    const hidden = Object.entries(form.fields)
      .filter(([key]) => key !== '_csrf' && key !== 'preview')
      .map(([key, value]) => html`<input type="hidden" name="${key}" value="${value ?? ''}">`);
    const cycle = `/cycles/${encodeURIComponent(cycleId)}`;
    const body = html`<h1>${m.previewHeading}</h1><h2>${user.w.controls.attendees}</h2>
      <ul>${minutes.attendees.map((a) => html`<li>${a.name} (${a.role}, ${a.organisation})</li>`)}</ul>
      ${minutesPreview(user.lang, status, minutes, languages)}
      <form method="post" action="${cycle}/record-minutes">${csrfField(reply)}${hidden}<button type="submit">${user.w.controls.legend.recordMinutes}</button></form>
      <p><a href="${cycle}">${m.back}</a></p>`;
    return staffPage(user, reply, m.previewHeading, body);
  }

  app.post<{ Params: { id: string; control: string } }>(
    '/cycles/:id/:control',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat']);
      if (!user) return;
      const slug = request.params.control;
      const name = controlBySlug(slug);
      if (!name) return reply.callNotFound();
      const { id } = request.params;
      let form = await readStaffForm(request);
      if (name === 'recordMinutes' && form.fields.preview === 'yes') return minutesPreviewPage(user, reply, id, form);
      try {
        if (name === 'publishDraft' && form.file) {
          // Stored before the workflow hears of it, checked by its content: a refused file stores nothing, and a
          // confirmation page carries the stored file's reference on instead of the file.
          const ref = await storeDraft(deps.db, form.file).catch((err: unknown) => {
            throw err instanceof FileRefused ? new UserError(fileRefusal(user.lang, err)) : err;
          });
          form = { fields: { ...form.fields, ...draftFields(ref) }, file: null };
        }
        // The form's one-time id: a double click or a resent form returns the first receipt, not a second control.
        const updateId = `${slug}:${requestIdOf(form.fields.request)}`;
        await dispatch(name, id, form, user.email, user.w, updateId).catch((err: unknown) => {
          // Sent, outcome not known in time: the page the redirect leads to asks Temporal until it knows.
          if (!(err instanceof NotConfirmedYet)) throw err;
          return recordPending(deps.db, { updateId, cycleId: id, control: slug, by: user.email });
        });
        // Post, then redirect: the page reads the receipt back from Temporal by its id; nothing in the URL is shown.
        return reply.redirect(`/cycles/${encodeURIComponent(id)}?receipt=${encodeURIComponent(updateId)}`, 303);
      } catch (err) {
        if (err instanceof UserError && err.type === ErrorType.confirmationNeeded) {
          const cycle = `/cycles/${encodeURIComponent(id)}`;
          const { controls: c } = user.w;
          const confirmation = {
            heading: c.legend[name],
            consequences: err.refusal
              ? `${refusalIn(user.lang, err.refusal, await partiesNamed(deps.db, user.lang))}.`
              : `${err.message}.`,
            action: `${cycle}/${slug}`,
            yes: c.yes[name],
            back: { href: cycle, label: c.backToCycle },
          };
          return confirmationPage(user, reply, confirmation, form);
        }
        if (err instanceof UserError && err.type === NOT_FOUND) return notFound(user, reply, user.w.notFound.noCycle);
        if (err instanceof UserError) {
          const text = refusalText(user.w, user.lang, err, await partiesNamed(deps.db, user.lang));
          return cyclePage(user, reply, id, { ok: false, text });
        }
        throw err;
      }
    },
  );
}
