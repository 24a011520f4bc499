// What a schedule does when it fires: build the cycle from the template, the reference data and the party directory
// as they are that day. A county whose directory is incomplete does not start silently: its secretariat is told
// what is missing.
import escapeHtml from 'escape-html';
import { DateTime } from 'luxon';
import { directoryOf } from '../db/directory';
import { municipalitiesOf, referenceOn } from '../db/reference-store';
import { TIME_ZONE, type ScheduledCycle, type ScheduledCycleRequest } from '../workflows/contracts';
import type { ActivityDeps } from './deps';
import { CycleFileError, directoryCycleInput } from './domain/cycle-definition';
import { outboxActivities } from './mail/outbox';

export function scheduledCycleActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { sendEmail } = outboxActivities(deps);
  return {
    async buildScheduledCycle(request: ScheduledCycleRequest): Promise<ScheduledCycle> {
      const day = DateTime.fromISO(request.at, { zone: TIME_ZONE });
      const today = day.toISODate()!;
      const reference = await referenceOn(db, today);
      let period = String(day.year);
      if (request.kind === 'term') {
        const term = reference.councilTerms.find((t) => t.startsOn <= today && t.endsOn >= today);
        if (!term) return { missing: [`no council term covers ${today}`], period: '' };
        period = term.period;
      }
      const codes = [request.countyCode, ...(await municipalitiesOf(db, request.countyCode, today)).map((m) => m.code)];
      const entries = await directoryOf(db, codes);
      const secretariat = entries.find((e) => e.party_code === request.countyCode && e.role === 'secretariat');
      const participants = Object.fromEntries(
        codes.map((code) => [
          code,
          entries
            .filter((e) => e.party_code === code && e.role !== 'secretariat')
            .map((e) => ({
              name: e.name,
              email: e.email,
              role: e.role,
              ...(e.language ? { language: e.language } : {}),
            })),
        ]),
      );
      const definition = {
        id: `${request.kind}-${request.countyCode}-${period}`,
        kind: request.kind,
        county: request.countyCode,
        period,
        ...(secretariat ? { secretariat: { name: secretariat.name, email: secretariat.email } } : {}),
        parties: codes,
        participants: Object.fromEntries(Object.entries(participants).filter(([, people]) => people.length)),
      };
      let missing: string[];
      try {
        return { input: directoryCycleInput(definition, day.toJSDate(), reference).input };
      } catch (err) {
        if (!(err instanceof CycleFileError)) throw err;
        missing = err.problems;
      }
      if (secretariat) {
        const text = `The scheduled ${request.kind} negotiation ${request.kind === 'term' ? 'for the council term' : 'of'} ${period} of county ${request.countyCode} did not start: the party directory is incomplete.\nVuoden/kauden ${period} neuvottelu ei alkanut: osapuolihakemistosta puuttuu tietoja.\n\n${missing.map((m) => `- ${m}`).join('\n')}\n\nImport the missing entries (npx sopu directory import <file.csv>) and trigger the schedule again.\n`;
        await sendEmail({
          idempotencyKey: `directory-incomplete:${request.kind}:${request.countyCode}:${period}:${today}:${secretariat.email}`,
          kind: 'directory-incomplete',
          cycleId: null,
          taskId: null,
          to: { name: secretariat.name, address: secretariat.email },
          replyTo: secretariat.email,
          subject: `Sopu: ${request.kind} negotiation ${period} of county ${request.countyCode} did not start – directory incomplete`,
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
