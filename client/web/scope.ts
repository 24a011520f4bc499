// Scope by county: a staff member sees only the cycles of the counties their account (or their identity provider's
// groups) gives them. Every route of one cycle (its page, controls, downloads, the auditor's timeline) passes through
// here; outside one's scope a cycle does not exist, with the same 404 as an unknown id and no hint that it does.
import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { SEARCH_ATTRIBUTES } from '../../core/contracts/search-attributes';
import { cycleWorkflowId } from '../../core/contracts';
import type { Database } from '../../db/schema';
import { cycleCountyOf } from '../../db/web-queries';
import { html, page } from './html';
import { inScope } from './staff-session';
import { staffLanguage } from './staff-language';
import type { WebDeps } from './web-deps';
import { STAFF_WORDS } from './words/staff';

/** Routes of one cycle, by their pattern. */
const CYCLE_ROUTE = /^\/(audit\/)?cycles\/:id(\/|$)/;

/** The county of a cycle: from the record, or (a cycle not recorded yet, e.g. one that starts on a later day) from
 * its workflow's search attribute. */
async function cycleCounty(db: Kysely<Database>, client: Client, cycleId: string): Promise<string | null> {
  const recorded = await cycleCountyOf(db, cycleId);
  if (recorded) return recorded;
  try {
    const described = await client.workflow.getHandle(cycleWorkflowId(cycleId)).describe();
    return described.typedSearchAttributes.get(SEARCH_ATTRIBUTES.county) ?? null;
  } catch {
    return null;
  }
}

export function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  const lang = staffLanguage(request, reply);
  const w = STAFF_WORDS[lang];
  return reply
    .code(404)
    .type('text/html')
    .send(
      page({
        lang,
        title: w.notFound.heading,
        body: html`<h1>${w.notFound.heading}</h1><p>${w.notFound.noCycle}</p>`,
      }),
    );
}

export function registerScope(app: FastifyInstance, deps: WebDeps): void {
  app.addHook('preHandler', async (request, reply) => {
    const user = request.staff;
    const id = (request.params as { id?: unknown } | undefined)?.id;
    if (!user || user.counties === null || typeof id !== 'string') return;
    if (!CYCLE_ROUTE.test(request.routeOptions.url ?? '')) return;
    const county = await cycleCounty(deps.db, deps.client, id);
    if (county === null || !inScope(user, county)) return notFoundPage(request, reply);
  });
}
