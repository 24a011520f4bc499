// The list of cycles, and starting a cycle from a file: checked, then confirmed, then started.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CycleFileError } from '../../../core/domain/cycle-definition';
import { problemIn } from '../../../core/domain/definition-words/definition-words';
import { FileRefused } from '../../../core/domain/file-types';
import { cycleListView } from '../../../db/read-models/secretariat';
import { checkCycle, mailedAtStart, parseCycleFile } from '../../cycle-file';
import { UserError } from '../../cycles';
import { cycleFacts, type CycleFacts } from '../../../db/read-models/cycle-facts';
import type { TodoFacts } from '../../next-steps';
import { todosOf } from '../../next-steps';
import { stillPending } from './pending';
import { partyNameIn } from '../../../core/domain/local-names';
import { LATE_MAIL_MINUTES } from '../../../core/contracts';
import { fileRefusal } from '../file-words';
import { html } from '../html';
import { csrfField, requireRole, staffPage, type StaffReader } from '../session';
import { inScope } from '../staff-session';
import { MAX_UPLOAD_BYTES, type WebDeps } from '../web-deps';
import { NEW_CYCLE_WORDS } from '../words/new-cycle-words';
import { confirmationPage, partiesNamed, readStaffForm, startAndShow } from './common';
import { cycleListBody } from './cycle-views';

/** The running cycles the list sums up: a county runs a handful at a time. */
const MAX_TODO_CYCLES = 50;

export function registerListRoutes(app: FastifyInstance, deps: WebDeps): void {
  async function listPage(user: StaffReader, reply: FastifyReply, problem: string | null) {
    const { w } = user;
    const startForm =
      user.role === 'secretariat'
        ? html`<p><a href="/cycles/new">${NEW_CYCLE_WORDS[user.lang].newCycle}</a></p><form method="post" action="/cycles" enctype="multipart/form-data"><fieldset><legend>${w.list.start}</legend>${csrfField(reply)}<label for="cycle-file">${w.list.file}</label><input type="file" id="cycle-file" name="file" accept=".yaml,.yml,.json" required><button type="submit">${w.list.startButton}</button></fieldset></form>`
        : '';
    const all = await cycleListView(deps.db);
    // Only the cycles of one's own counties, and their schedules' failures.
    const view = {
      ...all,
      cycles: all.cycles.filter((c) => inScope(user, c.countyCode)),
      failing: all.failing.filter((run) => inScope(user, run.countyCode)),
    };
    const running =
      user.role === 'secretariat' ? view.cycles.filter((c) => c.status === 'running').slice(0, MAX_TODO_CYCLES) : [];
    // What needs doing now, from the record's tables: the list answers whether or not the workers do.
    const ids = running.map((c) => c.id);
    const pending = await stillPending(deps.db, deps.client, ids);
    const lateSince = new Date(Date.now() - LATE_MAIL_MINUTES * 60_000);
    const todos = (await cycleFacts(deps.db, ids, lateSince))
      .map((f) => ({
        cycleId: f.cycleId,
        todos: todosOf(
          factsForTodos(f, (code, name) => partyNameIn(view.reference, code, name, user.lang)),
          f.undelivered,
          new Date(),
          pending.filter((p) => p.cycleId === f.cycleId),
        ),
      }))
      .filter((t) => t.todos.length > 0);
    const body = cycleListBody(user, view, problem, startForm, todos);
    return staffPage(user, reply.code(problem ? 422 : 200), w.list.heading, body);
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
    const { w } = user;
    try {
      if (!file) throw new UserError(w.list.noFile);
      if (!/\.(ya?ml|json)$/i.test(file.name)) throw new UserError(w.list.notYamlOrJson);
      if (!file.bytes.length)
        throw new UserError(fileRefusal(user.lang, new FileRefused(file.name, { kind: 'empty' })));
      if (file.bytes.length > MAX_UPLOAD_BYTES)
        throw new UserError(
          fileRefusal(user.lang, new FileRefused(file.name, { kind: 'too-large', maxBytes: MAX_UPLOAD_BYTES })),
        );
      const valid = await checkCycle(deps.db, parseCycleFile(file.bytes, file.name));
      if (!inScope(user, valid.input.countyCode)) throw new UserError(w.list.notYourCounty(valid.input.countyCode));
      if (fields.confirm !== 'yes') {
        const { input } = valid;
        const confirmation = {
          heading: w.list.confirmStart(input.title),
          consequences: w.list.mailsAtStart(input.cycleId, mailedAtStart(input), input.parties.length),
          action: '/cycles',
          yes: w.list.yesStart,
          back: { href: '/cycles', label: w.list.backToList },
        };
        return confirmationPage(user, reply, confirmation, form);
      }
      return await startAndShow(deps, valid, reply);
    } catch (err) {
      if (err instanceof CycleFileError) {
        // Every problem at its field, in the reader's words, parties by name.
        const context = await partiesNamed(deps.db, user.lang);
        const problems = err.issues.map((p) => problemIn(user.lang, p, context));
        return listPage(user, reply, `${w.list.fileProblems}: ${problems.join('; ')}.`);
      }
      if (err instanceof UserError) return listPage(user, reply, err.message);
      throw err;
    }
  });
}

/** A cycle's facts from the record as what needs doing reads them, parties named in the reader's language. */
function factsForTodos(f: CycleFacts, named: (code: string, name: string) => string): TodoFacts {
  const key = f.openPhaseKey;
  return {
    phase: f.phase,
    openPhaseKey: key,
    deadlines: key && f.openDeadline ? { [key]: { nominal: f.openDeadline } } : {},
    parties: f.parties.map((p) => ({
      name: named(p.code, p.name),
      tasks: key && p.status ? { [key]: { status: p.status } } : {},
    })),
    meeting: f.meetingStartsAt ? { startsAt: f.meetingStartsAt } : null,
    minutesRecorded: f.minutesRecorded,
    documents: { length: f.documents },
  };
}
