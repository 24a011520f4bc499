// The files a cycle's page links to, for the secretariat and auditors: answers, goals and follow-up as CSV, the
// statement summary and the goals register as Word documents, the agreement, and answers' attachments.
import type { FastifyInstance } from 'fastify';
import { LANGUAGES, type Language } from '../../../core/contracts';
import { attachmentInCycle, cycleAnswers } from '../../../db/answers';
import { followUpReport } from '../../../db/follow-up';
import { agreementOf, cycleAgenda, cycleNaming } from '../../../db/web-queries';
import { cycleDocumentView } from '../../../db/read-models/secretariat';
import { cycleTitleIn, partyNameIn } from '../../../core/domain/local-names';
import { formatAnswers, goalsRegisterCsv } from '../../answers';
import { followUpCsv } from '../../follow-up';
import { documentCharts } from '../../charts/document-charts';
import { goalsRegisterDocument } from '../../goals-register-document';
import { statementSummary, type SummaryLanguage } from '../../statement-summary';
import { sendFile } from '../document-view';
import { requireRole } from '../session';
import type { WebDeps } from '../web-deps';
import { notFound } from './common';

export function registerDownloadRoutes(app: FastifyInstance, deps: WebDeps): void {
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
  cycleDownload('answers.csv', CSV, async (cycle, language) => ({
    name: `answers-${cycle.fileId}`,
    body: formatAnswers(await cycleAnswers(deps.db, cycle.id), 'csv', language, await cycleAgenda(deps.db, cycle.id)),
  }));
  cycleDownload('goals.csv', CSV, async (cycle, language) => ({
    name: `goals-${cycle.fileId}`,
    body: goalsRegisterCsv(await cycleAnswers(deps.db, cycle.id), await cycleAgenda(deps.db, cycle.id), language),
  }));
  cycleDownload('follow-up.csv', CSV, async (cycle, language) => ({
    name: `follow-up-${cycle.countyCode}`,
    body: followUpCsv(await followUpReport(deps.db, cycle.countyCode), language),
  }));
  /** A document's content with every name in its language: Borgå and the Swedish title for a Swedish document. */
  async function inLanguage(cycle: Parameters<typeof cycleTitleIn>[1] & { id: string }, language: SummaryLanguage) {
    const { agenda, rows, parties, reference, followUp, thl } = await cycleDocumentView(deps.db, cycle, language);
    const named = (code: string, name: string) => partyNameIn(reference, code, name, language);
    return {
      title: cycleTitleIn(reference, cycle, language),
      agenda,
      rows: rows.map((r) => ({ ...r, partyName: named(r.partyCode, r.partyName) })),
      parties: parties.map((p) => ({ ...p, name: named(p.code, p.name) })),
      language,
      charts: await documentCharts(cycle, rows, followUp, thl, reference, language),
    };
  }
  cycleDownload('summary.docx', DOCX, async (cycle, asked) => {
    const language = documentLanguage(asked);
    return {
      name: `${language === 'sv' ? 'sammanstallning' : 'lausuntoyhteenveto'}-${cycle.fileId}`,
      body: await statementSummary(await inLanguage(cycle, language)),
    };
  });
  cycleDownload('goals.docx', DOCX, async (cycle, asked) => {
    const language = documentLanguage(asked);
    return {
      name: `${language === 'sv' ? 'malregister' : 'tavoiterekisteri'}-${cycle.fileId}`,
      body: await goalsRegisterDocument(await inLanguage(cycle, language)),
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
}
