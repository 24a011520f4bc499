// What a schedule does when it fires: build the cycle from the template, the reference data and the party directory
// as they are that day. A county whose directory is incomplete does not start silently: the run is recorded with what
// is missing, and its secretariat (or, when the directory names none, the operator) is told.
import escapeHtml from 'escape-html';
import { DateTime } from 'luxon';
import { directoryPeople } from '../db/directory';
import { referenceOn } from '../db/reference-store';
import { log } from '@temporalio/activity';
import { recordScheduleRun } from '../db/schedule-runs';
import { TIME_ZONE, scheduleId, type ScheduledCycle, type ScheduledCycleRequest } from '../core/contracts';
import type { ActivityDeps } from './deps';
import { CycleFileError, defaultParties, directoryCycleInput } from '../core/domain/cycle-definition';
import { withField, type DefinitionProblem } from '../core/domain/definition-problems';
import { problemIn } from '../core/domain/definition-words/definition-words';
import { partyNameIn } from '../core/domain/local-names';
import { TEMPLATES } from '../core/domain/cycle-templates';
import { outboxActivities } from './mail/outbox';

export function scheduledCycleActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { sendEmail } = outboxActivities(deps);
  return {
    async buildScheduledCycle(request: ScheduledCycleRequest): Promise<ScheduledCycle> {
      const day = DateTime.fromISO(request.at, { zone: TIME_ZONE });
      const today = day.toISODate()!;
      const reference = await referenceOn(db, today);
      const schedule = scheduleId(request.kind, request.countyCode);
      let period = String(day.year);
      if (request.kind === 'term') {
        const term = reference.councilTerms.find((t) => t.startsOn <= today && t.endsOn >= today);
        if (!term) {
          const problems: DefinitionProblem[] = [{ field: '', key: 'noCouncilTermOn', date: today }];
          const missing = problems.map(withField);
          await recordScheduleRun(db, {
            ...runOf(request, schedule, ''),
            outcome: 'missing',
            missing,
            problems,
            told: [],
          });
          return { missing, period: '' };
        }
        period = term.period;
      }
      const codes = defaultParties(request.kind, request.countyCode, reference);
      const { secretariat, participants } = await directoryPeople(db, request.countyCode, codes);
      const definition = {
        id: `${request.kind}-${request.countyCode}-${period}`,
        kind: request.kind,
        county: request.countyCode,
        period,
        ...(secretariat ? { secretariat: { name: secretariat.name, email: secretariat.email } } : {}),
        parties: codes,
        participants,
      };
      const run = runOf(request, schedule, period);
      let problems: DefinitionProblem[];
      try {
        const { input } = directoryCycleInput(definition, day.toJSDate(), reference);
        await recordScheduleRun(db, {
          ...run,
          outcome: 'started',
          cycleId: input.cycleId,
          missing: [],
          problems: [],
          told: [],
        });
        return { input };
      } catch (err) {
        if (!(err instanceof CycleFileError)) throw err;
        problems = err.issues;
      }
      const missing = problems.map(withField);
      // Someone is always told: the county's secretariat, or the operator when the directory names none.
      const to = secretariat
        ? { name: secretariat.name, address: secretariat.email }
        : deps.operatorEmail
          ? { name: 'Sopu operator', address: deps.operatorEmail }
          : null;
      if (!to) log.warn('no secretariat and no operator address (SOPU_OPERATOR_EMAIL) to tell', { schedule, missing });
      await recordScheduleRun(db, { ...run, outcome: 'missing', missing, problems, told: to ? [to.address] : [] });
      if (to) {
        const law = TEMPLATES[request.kind].law;
        // In Finnish and English, each with its own list: the operator may read either.
        const named = { party: (code: string) => partyNameIn(reference, code, code, 'fi') };
        const finnish = problems.map((p) => `- ${problemIn('fi', p, named)}`).join('\n');
        const text = `Aikataulutettu neuvottelu ${schedule} (${law}) kaudelle ${period} ei alkanut: osapuolihakemistosta puuttuu tietoja.\n\n${finnish}\n\nThe scheduled negotiation ${schedule} (${law}) for ${period} of county ${request.countyCode} did not start: the party directory is incomplete.\n\n${missing.map((m) => `- ${m}`).join('\n')}\n\nImport the missing entries (npx sopu directory import <file.csv>) and trigger the schedule again (npx sopu calendar trigger ${schedule}).\n`;
        await sendEmail({
          idempotencyKey: `directory-incomplete:${request.kind}:${request.countyCode}:${period}:${today}:${to.address}`,
          kind: 'directory-incomplete',
          cycleId: null,
          taskId: null,
          to,
          replyTo: to.address,
          subject: `Sopu: ${schedule} ${period} did not start – directory incomplete`,
          text,
          html: `<!doctype html><html lang="en"><body><pre>${escapeHtml(text)}</pre></body></html>`,
          invitation: null,
          deadlineIcs: null,
        });
      }
      return { missing, period };
    },
  };
}

const runOf = (request: ScheduledCycleRequest, schedule: string, period: string) => ({
  scheduleId: schedule,
  kind: request.kind,
  countyCode: request.countyCode,
  period,
  at: request.at,
  cycleId: null,
});
