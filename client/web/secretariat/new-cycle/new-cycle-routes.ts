// A new cycle from the browser, no file needed: choose what to negotiate (or an earlier cycle to start from), fill in
// the drafted form, see the planned timeline and the mail, then start, or download it as a cycle file. The form is
// read as the definition a file would hold and checked by the same schema and rules.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import YAML from 'yaml';
import { CYCLE_KINDS, TIME_ZONE, type CycleKind } from '../../../../core/contracts';
import { CycleFileError } from '../../../../core/domain/cycle-definition';
import type { ReferenceData } from '../../../../core/domain/reference';
import { referenceOn } from '../../../../db/reference-store';
import { cycleInputOf, cycleList } from '../../../../db/web-queries';
import { draftFromEarlier, draftFromTemplate, nextPeriod, type CycleDraft } from '../../../cycle-drafts';
import { checkCycle } from '../../../cycle-file';
import { readForm, type Fields } from '../../forms';
import { notFoundPage } from '../../scope';
import { csrfField, requireRole, staffPage, type StaffReader } from '../../session';
import { inScope } from '../../staff-session';
import type { WebDeps } from '../../web-deps';
import { NEW_CYCLE_WORDS } from '../../words/new-cycle-words';
import { startAndShow } from '../common';
import { fieldProblems } from './field-problems';
import { definitionOf, fieldsOf } from './form-fields';
import { previewBody } from './new-cycle-preview';
import { choiceBody, formBody, type FieldProblem } from './new-cycle-views';

const today = () => DateTime.now().setZone(TIME_ZONE).toISODate()!;

export function registerNewCycleRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { db } = deps;

  async function choicePage(user: StaffReader, reply: FastifyReply, chosen: Fields, problems: string[]) {
    const nw = NEW_CYCLE_WORDS[user.lang];
    const reference = await referenceOn(db, today());
    const earlier = (await cycleList(db)).filter((c) => inScope(user, c.countyCode));
    const body = choiceBody(user, nw, reference, earlier, chosen, problems);
    return staffPage(user, reply.code(problems.length ? 422 : 200), nw.heading, body);
  }

  function formPage(
    user: StaffReader,
    reply: FastifyReply,
    reference: ReferenceData,
    fields: Fields,
    problems: FieldProblem[],
    draft: Pick<CycleDraft, 'changes'> & { fromTitle: string | null },
  ) {
    const nw = NEW_CYCLE_WORDS[user.lang];
    const body = formBody({ user, nw, reference, fields, problems }, draft, csrfField(reply));
    return staffPage(user, reply.code(problems.length ? 422 : 200), nw.heading, body);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/cycles/new', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const nw = NEW_CYCLE_WORDS[user.lang];
    const q = request.query;
    if (!q.kind && !q.from)
      return choicePage(user, reply, { kind: 'annual', period: String(DateTime.now().year + 1) }, []);
    const reference = await referenceOn(db, today());
    const found = q.from ? await cycleInputOf(db, q.from) : null;
    const earlier = found && inScope(user, found.countyCode) ? found : null;
    const kind = (earlier?.kind ?? q.kind) as CycleKind;
    const county = earlier?.countyCode ?? q.county ?? '';
    const period = q.period?.trim() || (earlier ? nextPeriod(earlier.kind, earlier.period, reference) : '');
    const problems = [
      ...(q.from && !earlier ? [nw.noEarlier] : []),
      ...(CYCLE_KINDS.includes(kind) ? [] : [nw.badKind]),
      ...(reference.counties.has(county) && inScope(user, county) ? [] : [nw.badCounty]),
      ...(/^\d{4}(-\d{4})?$/.test(period) ? [] : [nw.badPeriod]),
    ];
    if (problems.length) return choicePage(user, reply, q, problems);
    const draft = earlier
      ? await draftFromEarlier(db, earlier, period, reference)
      : await draftFromTemplate(db, { kind, county, period }, reference);
    const fields = fieldsOf(draft.definition, draft.candidates, earlier?.cycleId);
    return formPage(user, reply, reference, fields, [], { changes: draft.changes, fromTitle: earlier?.title ?? null });
  });

  app.post('/cycles/new', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const nw = NEW_CYCLE_WORDS[user.lang];
    const { fields } = await readForm(request);
    if (!inScope(user, fields.county ?? '')) return notFoundPage(request, reply);
    const reference = await referenceOn(db, today());
    const earlier = fields.from ? await cycleInputOf(db, fields.from) : null;
    const draft = { changes: [], fromTitle: earlier?.title ?? null };
    if (fields.action === 'edit') return formPage(user, reply, reference, fields, [], draft);
    const definition = definitionOf(fields);
    let valid;
    try {
      valid = await checkCycle(db, definition);
    } catch (err) {
      if (!(err instanceof CycleFileError)) throw err;
      const problems = fieldProblems(err.issues, definition, fields, { lang: user.lang, nw, reference });
      return formPage(user, reply, reference, fields, problems, draft);
    }
    if (fields.action === 'download')
      return reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${valid.input.cycleId}.yaml"`)
        .send(YAML.stringify(definition));
    if (fields.action === 'start') return startAndShow(deps, valid, reply);
    const { title, body } = previewBody(user, nw, valid, reference, fields, csrfField(reply));
    return staffPage(user, reply, title, body);
  });
}
