// The list of cycles, and starting a cycle from a file: checked, then confirmed, then started.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CycleFileError } from '../../../core/domain/cycle-definition';
import { problemIn } from '../../../core/domain/definition-words/definition-words';
import { FileRefused } from '../../../core/domain/file-types';
import { cycleListView } from '../../../db/read-models/secretariat';
import { checkCycle, mailedAtStart, parseCycleFile } from '../../cycle-file';
import { cycleStatus, UserError } from '../../cycles';
import { todosOf } from '../../next-steps';
import { stillPending } from './pending';
import type { CycleStatus } from '../../../core/contracts';
import { partyNameIn } from '../../../core/domain/local-names';
import { fileRefusal } from '../file-words';
import { html } from '../html';
import { csrfField, requireRole, staffPage, type StaffReader } from '../session';
import { inScope } from '../staff-session';
import { MAX_UPLOAD_BYTES, type WebDeps } from '../web-deps';
import { NEW_CYCLE_WORDS } from '../words/new-cycle-words';
import { confirmationPage, partiesNamed, readStaffForm, startAndShow } from './common';
import { cycleListBody } from './cycle-views';

/** The running cycles the list asks Temporal about: a county runs a handful at a time. */
const MAX_TODO_CYCLES = 50;
/** How long the list waits for a running cycle to say what it needs. */
const TODO_WAIT_MS = 2_000;

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
    // What needs doing now in each running cycle, from Temporal: a cycle that does not answer is left out, not fatal.
    const running =
      user.role === 'secretariat' ? view.cycles.filter((c) => c.status === 'running').slice(0, MAX_TODO_CYCLES) : [];
    const named = (status: CycleStatus) => ({
      ...status,
      parties: status.parties.map((p) => ({ ...p, name: partyNameIn(view.reference, p.code, p.name, user.lang) })),
    });
    const pending = await stillPending(
      deps.db,
      deps.client,
      running.map((c) => c.id),
    );
    const todos = (
      await Promise.all(
        running.map((c) =>
          // A cycle whose worker does not answer in time is left out of the list's summary, never waited for.
          deps.client.connection
            .withDeadline(Date.now() + TODO_WAIT_MS, () => cycleStatus(deps.client, c.id))
            .then(
              (status) => ({
                cycleId: c.id,
                todos: todosOf(
                  named(status),
                  status.mailFailures.length,
                  new Date(),
                  pending.filter((p) => p.cycleId === c.id),
                ),
              }),
              () => null,
            ),
        ),
      )
    ).filter((t): t is NonNullable<typeof t> => t !== null && t.todos.length > 0);
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
