// Activities that write the cycle itself: its parties and participants at the start, its outcome at the end.
import type { CycleInput, Outcome, PartyResult } from '../workflows/contracts';
import { partyWorkflowId } from '../workflows/contracts';
import { appendAuditEvent, callingWorkflow } from './audit';
import type { ActivityDeps } from './deps';

export function cycleRecordActivities({ db }: ActivityDeps) {
  return {
    async recordCycleStarted(input: CycleInput, startedAt: string): Promise<void> {
      const workflowExecution = callingWorkflow();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('cycles')
          .values({
            id: input.cycleId,
            kind: input.kind,
            county_code: input.countyCode,
            title: input.title,
            period: input.period,
            secretariat_email: input.secretariat.email,
            definition: JSON.stringify(input),
            workflow_id: workflowExecution.workflowId,
            run_id: workflowExecution.runId,
            started_at: startedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await trx
          .insertInto('parties')
          .values(
            input.parties.map((p) => ({
              cycle_id: input.cycleId,
              code: p.code,
              kind: p.kind,
              name: p.name,
              language: p.language,
              workflow_id: partyWorkflowId(input.cycleId, p.code),
            })),
          )
          .onConflict((oc) => oc.columns(['cycle_id', 'code']).doNothing())
          .execute();
        await trx
          .insertInto('participants')
          .values(
            input.parties.flatMap((p) =>
              p.participants.map((person) => ({
                cycle_id: input.cycleId,
                party_code: p.code,
                name: person.name,
                email: person.email,
                role: person.role,
                language: person.language,
              })),
            ),
          )
          .onConflict((oc) => oc.columns(['cycle_id', 'party_code', 'email']).doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: input.cycleId,
          eventKey: 'cycle-started',
          at: startedAt,
          actor: 'system',
          action: 'cycle.started',
          payload: { kind: input.kind, countyCode: input.countyCode, period: input.period, parties: input.parties.map((p) => p.code) },
        });
      });
    },

    async recordOutcome(cycleId: string, outcome: Outcome, positions: PartyResult[], completedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('cycles').set({ status: 'completed', outcome, completed_at: completedAt }).where('id', '=', cycleId).execute();
        for (const { partyCode, position } of positions) {
          await trx.updateTable('parties').set({ position }).where('cycle_id', '=', cycleId).where('code', '=', partyCode).execute();
        }
        await appendAuditEvent(trx, {
          cycleId,
          eventKey: 'cycle-completed',
          at: completedAt,
          actor: 'system',
          action: 'cycle.completed',
          payload: { outcome, positions },
        });
      });
    },
  };
}
