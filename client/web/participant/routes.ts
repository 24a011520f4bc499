// The participant's routes: the task page by its signed link, an answer (or a saved draft) posted to it, the receipt
// read back from Temporal by the request's id, and the files a participant may read.
import type { FastifyInstance } from 'fastify';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, TASK_QUEUE, type FileRef } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import { ATTACHMENT_FORMATS, FileRefused } from '../../../core/domain/file-types';
import { attachmentInCycle } from '../../../db/answers';
import { dropDraft, saveDraft } from '../../../db/answer-drafts';
import { storeFile } from '../../../db/files';
import { WITNESS_FILE_NAME, witnessOf } from '../../../db/witness';
import { agreementOf, closedPhases, cycleSettings } from '../../../db/web-queries';
import { NotConfirmedYet, partyActionOutcome, UserError } from '../../cycles';
import { checkUpload, type Upload } from '../../uploads';
import { sendFile, sendOriginal } from '../document-view';
import { boundRequestIdOf } from '../request-id';
import { fileRefusal } from '../file-words';
import { readForm } from '../forms';
import { html, page } from '../html';
import type { WebDeps } from '../web-deps';
import { act, answerDraftFields, areasOf, thlIndicatorsOf } from './form-requests';
import { thlIndicatorsNotFetched } from '../../../db/thl';
import { fetchThlFiguresNow } from '../../thl';
import { FILE_REFUSED, problemOf } from './refusals';
import { refused, resolve, type Resolved } from './resolve';
import { taskPage } from './task-page';

/** An answer's files, each checked by its content before any is stored: a refusal stores none of them. */
async function storeAttachments(deps: WebDeps, r: Resolved, uploads: Upload[]): Promise<FileRef[]> {
  if (uploads.length > MAX_ATTACHMENTS) throw new UserError(r.w.attachments.tooMany(MAX_ATTACHMENTS), FILE_REFUSED);
  try {
    const checked = [];
    for (const upload of uploads)
      checked.push({ ...upload, ...(await checkUpload(upload, ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES)) });
    return await Promise.all(checked.map((file) => storeFile(deps.db, file)));
  } catch (err) {
    throw err instanceof FileRefused ? new UserError(fileRefusal(r.lang, err), FILE_REFUSED) : err;
  }
}

/** Indicators a goal chose that have no figures cached yet are fetched now (by a workflow: the page never asks THL),
 * so the draft saved next offers a baseline. Not being able to start the fetch loses nothing: the nightly one comes. */
async function fetchChosenThlIndicators(deps: WebDeps, chosen: number[]): Promise<void> {
  if (deps.config.thlUrl === null) return;
  const missing = await thlIndicatorsNotFetched(deps.db, chosen);
  if (!missing.length) return;
  await deps.client
    .withDeadline(Date.now() + 3_000, () =>
      fetchThlFiguresNow(deps.client, deps.taskQueue ?? TASK_QUEUE, { indicators: missing }),
    )
    .catch(() => undefined);
}

export function registerParticipantPages(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { token: string }; Querystring: { lang?: string; thl?: string } }>(
    '/t/:token',
    async (request, reply) => {
      const r = await resolve(deps, request.params.token, request.query.lang);
      if (!r) return refused(reply, request.query.lang);
      const thlQuery = (request.query.thl ?? '').slice(0, 200);
      return reply.type('text/html').send(await taskPage(deps, r, request.params.token, null, undefined, thlQuery));
    },
  );

  app.post<{ Params: { token: string }; Querystring: { lang?: string } }>('/t/:token', async (request, reply) => {
    const r = await resolve(deps, request.params.token, request.query.lang);
    if (!r) return refused(reply, request.query.lang);
    const { fields: body, files } = await readForm(request);
    const { agenda } = await cycleSettings(deps.db, r.ctx.cycleId);
    if (body.action === 'draft' || body.action === 'thl-search') {
      // Kept by the web server, not sent: then back to the task page, which shows it and when it was saved (and what
      // matched the search of THL's indicators).
      await saveDraft(deps.db, r.ctx.taskId, r.person.email, answerDraftFields(body));
      await fetchChosenThlIndicators(deps, thlIndicatorsOf(body));
      // The search button is the form's first: Enter in a field presses it. With nothing to search for, it only saves.
      const query = body.action === 'thl-search' ? (body['thl-q'] ?? '').trim() : '';
      const search = query ? `&thl=${encodeURIComponent(query)}#thl-search` : '';
      return reply.redirect(`/t/${request.params.token}?lang=${r.lang}${search}`, 303);
    }
    // A form made for another task or person: refused here, before anything is stored or sent.
    const requestId = boundRequestIdOf(deps.config.linkKeys, r.scope, body.request);
    if (requestId === 'foreign')
      return reply
        .code(409)
        .type('text/html')
        .send(await taskPage(deps, r, request.params.token, r.w.foreignForm, answerDraftFields(body)));
    try {
      const attachments = body.action === 'answer' ? await storeAttachments(deps, r, files.attachments ?? []) : [];
      const receipt = await act(deps, r, body, attachments, requestId);
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
            deps,
            r,
            request.params.token,
            problemOf(err, r.w, {
              areaNames: areasOf(body).map((a) => {
                const item = agenda[a.area];
                return item === undefined ? `#${a.area + 1}` : agendaName(item, r.lang);
              }),
            }),
            answerDraftFields(body),
          ),
        );
    }
  });

  app.get<{ Params: { token: string; updateId: string }; Querystring: { lang?: string } }>(
    '/t/:token/receipt/:updateId',
    async (request, reply) => {
      const r = await resolve(deps, request.params.token, request.query.lang);
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
          .send(await taskPage(deps, r, request.params.token, problemOf(outcome.error, w)));
      }
      const receipt = outcome.state === 'recorded' ? outcome.receipt : null;
      if (receipt?.taskId !== ctx.taskId) return refused(reply, request.query.lang);
      const witness = await witnessOf(deps.db, ctx.cycleId, receipt.updateId);
      const proof = witness?.act
        ? html`<p>${w.witness(witness.act.seq, witness.treeHead.seq, w.mail.date(witness.treeHead.signedAt))}</p>
            <p><a href="/t/${request.params.token}/receipt/${encodeURIComponent(receipt.updateId)}/${WITNESS_FILE_NAME}" download>${w.downloadWitness}</a></p>`
        : '';
      const body = html`<h1>${w.receipt}</h1><div class="notice" role="status"><p>${w.recorded(w.mail.date(receipt.recordedAt))}${receipt.late ? html` (${w.late})` : ''}</p></div>
        <table class="facts"><tr><th scope="row">${w.mail.labels.reference}</th><td>${receipt.taskId}</td></tr><tr><th scope="row">${w.receiptId}</th><td class="hash">${receipt.updateId}</td></tr></table>
        ${proof}
        <p><a href="/t/${request.params.token}?lang=${r.lang}">${w.back}</a></p>`;
      return reply
        .header('cache-control', 'no-store')
        .type('text/html')
        .send(page({ lang: r.lang, title: w.receipt, body }));
    },
  );

  // The receipt as a file the party keeps: the signed tree head with its own act and the act's inclusion proof. Only
  // for an act of the task the link is for.
  app.get<{ Params: { token: string; updateId: string } }>(
    `/t/:token/receipt/:updateId/${WITNESS_FILE_NAME}`,
    async (request, reply) => {
      const r = await resolve(deps, request.params.token, undefined);
      if (!r) return refused(reply, undefined);
      const witness = await witnessOf(deps.db, r.ctx.cycleId, request.params.updateId);
      if ((witness?.act?.event.payload as { taskId?: string } | undefined)?.taskId !== r.ctx.taskId)
        return refused(reply, undefined);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${WITNESS_FILE_NAME}"`)
        .type('application/json')
        .send(JSON.stringify(witness, null, 2) + '\n');
    },
  );

  // An attachment the participant may read: one of the party's own answers, or another party's in a phase whose
  // answers the cycle shows once it has closed.
  app.get<{ Params: { token: string; sha256: string } }>('/t/:token/attachments/:sha256', async (request, reply) => {
    const r = await resolve(deps, request.params.token, undefined);
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
    const r = await resolve(deps, request.params.token, undefined);
    const agreement = r && (await agreementOf(deps.db, r.ctx.cycleId));
    const name = `sopimus-${r?.ctx.cycleId}.pdf`;
    const sent =
      agreement && (await sendFile(reply, deps.db, { sha256: agreement.sha256, name, mediaType: 'application/pdf' }));
    return sent || refused(reply, undefined);
  });

  app.get<{ Params: { token: string } }>('/t/:token/document', async (request, reply) => {
    const r = await resolve(deps, request.params.token, undefined);
    if (!r?.ctx.documentVersion) return refused(reply, undefined);
    return (await sendOriginal(reply, deps.db, r.ctx.cycleId, r.ctx.documentVersion)) ?? refused(reply, undefined);
  });
}
