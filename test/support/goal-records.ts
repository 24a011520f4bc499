// A county's goals and their follow-up as the record keeps them, written by the record's own writer
// (db/task-records.ts) without the workflows behind it: goals set in one annual cycle and each party's reported status
// and value in the later ones. For the tests of what pages and documents make of a record (the charts), not of how
// the workflows write it.
import type { Kysely } from 'kysely';
import type { Goal, GoalStatus } from '../../core/contracts';
import type { Database } from '../../db/schema';
import { insertResponse } from '../../db/task-records';

export interface SeededGoal extends Goal {
  party: { code: string; name: string };
  /** Per later year: the status and the value reported. */
  reports: { status: GoalStatus; value?: string }[];
}

/** Cycles `<prefix>-<year>` of the county, from `firstYear` on: the goals set in the first, reported on in each
 * later one. Returns the cycle ids, oldest first. */
export async function seedGoalHistory(
  db: Kysely<Database>,
  options: { prefix: string; countyCode: string; firstYear: number; goals: SeededGoal[] },
): Promise<string[]> {
  const years = Array.from(
    { length: 1 + Math.max(...options.goals.map((g) => g.reports.length)) },
    (_, i) => options.firstYear + i,
  );
  const parties = [...new Map(options.goals.map((g) => [g.party.code, g.party])).values()];
  const ids: string[] = [];
  const goalRefs = new Map<SeededGoal, string>();
  for (const [n, year] of years.entries()) {
    const cycleId = `${options.prefix}-${year}`;
    ids.push(cycleId);
    const startedAt = new Date(Date.UTC(year, 8, 1, 6));
    await db
      .insertInto('cycles')
      .values({
        id: cycleId,
        kind: 'annual',
        county_code: options.countyCode,
        title: `${cycleId}`,
        period: String(year),
        secretariat_email: 'hyte@example.fi',
        definition: JSON.stringify({ agenda: ['hyte-goals'] }),
        workflow_id: `cycle/${cycleId}`,
        run_id: 'seeded',
        started_at: startedAt,
      })
      .execute();
    for (const party of parties) {
      await db
        .insertInto('parties')
        .values({
          cycle_id: cycleId,
          code: party.code,
          kind: 'municipality',
          name: party.name,
          language: 'fi',
          workflow_id: `party/${cycleId}/${party.code}`,
          position: null,
        })
        .execute();
      const participant = await db
        .insertInto('participants')
        .values({
          cycle_id: cycleId,
          party_code: party.code,
          name: 'Yhteyshenkilö',
          email: `hyte-${party.code}@example.fi`,
          role: 'contact',
          language: 'fi',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const taskId = `${cycleId}:${party.code}:preparation`;
      await db
        .insertInto('tasks')
        .values({
          id: taskId,
          cycle_id: cycleId,
          party_code: party.code,
          kind: 'input',
          status: 'answered',
          deadline: startedAt,
          nominal_deadline: startedAt,
          opened_at: startedAt,
          closed_at: startedAt,
          phase_key: 'preparation',
          document_version: null,
        })
        .execute();
      // The answer as the product writes it: its goals in the first year, its follow-up of them in each later one.
      const own = options.goals.filter((g) => g.party.code === party.code);
      const goals = own.map(({ party: _party, reports: _reports, ...goal }) => goal);
      const followUp =
        n === 0
          ? []
          : own.flatMap((g) => {
              const report = g.reports[n - 1];
              return report
                ? [
                    {
                      goal: goalRefs.get(g)!,
                      status: report.status,
                      ...(report.value ? { currentValue: report.value } : {}),
                    },
                  ]
                : [];
            });
      const updateId = `seeded-${taskId}`;
      await db.transaction().execute((trx) =>
        insertResponse(trx, {
          taskId,
          participantId: participant.id,
          noComments: false,
          body: '',
          late: false,
          updateId,
          receivedAt: startedAt.toISOString(),
          areas: n === 0 ? [{ area: 0, goals }] : [],
          followUp,
          attachments: [],
          on_behalf_by: null,
          on_behalf_reason: null,
        }),
      );
      if (n === 0) {
        const response = await db
          .selectFrom('responses')
          .select('id')
          .where('task_id', '=', taskId)
          .where('update_id', '=', updateId)
          .executeTakeFirstOrThrow();
        own.forEach((g, position) => goalRefs.set(g, `${response.id}:0:${position}`));
      }
    }
  }
  return ids;
}
