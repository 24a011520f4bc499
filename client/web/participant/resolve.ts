// Who a task link is for: a genuine, current link resolves to its task, its participant and their language;
// anything else gets the same refusal in every language, saying nothing of what exists.
import type { FastifyReply } from 'fastify';
import { LANGUAGES, type Language } from '../../../core/contracts';
import { verifyTaskToken } from '../../../core/domain/task-links';
import { participant, taskContext } from '../../../db/web-queries';
import { html, page } from '../html';
import { PAGE_WORDS } from '../words/page';
import type { PageWords } from '../words/page-words';
import type { WebDeps } from '../web-deps';

export type Context = NonNullable<Awaited<ReturnType<typeof taskContext>>>;
type Person = NonNullable<Awaited<ReturnType<typeof participant>>>;

export interface Resolved {
  ctx: Context;
  person: Person;
  lang: Language;
  w: PageWords;
  /** What a form's request id is bound to: this task and this participant. */
  scope: string;
}

/** The task a genuine, current link points at; null for anything forged, expired or no longer the holder's. */
export async function resolve(deps: WebDeps, token: string, langParam: unknown): Promise<Resolved | null> {
  const claims = verifyTaskToken(deps.config.linkKeys, token);
  if (!claims) return null;
  const ctx = await taskContext(deps.db, claims.taskId);
  if (!ctx) return null;
  const person = await participant(deps.db, ctx.cycleId, ctx.partyCode, claims.email);
  if (!person?.active) return null;
  const graceMs = deps.config.web.linkGraceDays * 86_400_000;
  if (ctx.closedAt && Date.now() > ctx.closedAt.getTime() + graceMs) return null;
  const lang = LANGUAGES.includes(langParam as Language) ? (langParam as Language) : person.language;
  return { ctx, person, lang, w: PAGE_WORDS[lang], scope: `${ctx.taskId}\n${person.email}` };
}

export function refused(reply: FastifyReply, langParam: unknown) {
  const lang = LANGUAGES.includes(langParam as Language) ? (langParam as Language) : 'fi';
  const words = LANGUAGES.map((l) => html`<p lang="${l}">${PAGE_WORDS[l].refused}</p>`);
  return reply
    .code(404)
    .type('text/html')
    .send(page({ lang, title: PAGE_WORDS[lang].mail.labels.task, body: html`<div class="error">${words}</div>` }));
}
