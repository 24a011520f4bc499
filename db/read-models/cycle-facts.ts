// What the list of cycles says needs doing, read from the record's tables rather than from the running workflows:
// the list answers whether or not the workers do. Per cycle: its phase, the phase open now (the open tasks' phase)
// with its soonest deadline, each party's task in it, the meeting and whether its minutes are recorded, how many
// drafts there are, and how many messages have not been delivered.
import type { Kysely } from 'kysely';
import type { CyclePhase, TaskStatus } from '../../core/contracts';
import type { Database } from '../schema';

export interface CycleFacts {
  cycleId: string;
  phase: CyclePhase;
  openPhaseKey: string | null;
  openDeadline: string | null;
  parties: { code: string; name: string; status: TaskStatus | null }[];
  meetingStartsAt: string | null;
  minutesRecorded: boolean;
  documents: number;
  /** Messages refused, or still waiting since before `lateSince`. */
  undelivered: number;
}

export async function cycleFacts(db: Kysely<Database>, cycleIds: string[], lateSince: Date): Promise<CycleFacts[]> {
  if (!cycleIds.length) return [];
  const [cycles, parties, open, meetings, minutes, documents, undelivered] = await Promise.all([
    db.selectFrom('cycles').select(['id', 'phase']).where('id', 'in', cycleIds).execute(),
    db.selectFrom('parties').select(['cycle_id', 'code', 'name']).where('cycle_id', 'in', cycleIds).execute(),
    db
      .selectFrom('tasks')
      .select(['cycle_id', 'party_code', 'phase_key', 'status', 'nominal_deadline', 'opened_at'])
      .where('cycle_id', 'in', cycleIds)
      .where('closed_at', 'is', null)
      .execute(),
    db
      .selectFrom('meetings')
      .select(['cycle_id', 'starts_at', 'version'])
      .where('cycle_id', 'in', cycleIds)
      .orderBy('version', 'desc')
      .execute(),
    db.selectFrom('minutes').select('cycle_id').where('cycle_id', 'in', cycleIds).execute(),
    db.selectFrom('documents').select('cycle_id').where('cycle_id', 'in', cycleIds).execute(),
    db
      .selectFrom('emails')
      .select('cycle_id')
      .where('cycle_id', 'in', cycleIds)
      .where((eb) =>
        eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'pending'), eb('created_at', '<', lateSince)])]),
      )
      .execute(),
  ]);
  return cycles.map((c) => {
    const tasks = open.filter((t) => t.cycle_id === c.id);
    // The phase open now is that of the newest open task; its deadline the soonest any party has in it.
    const newest = [...tasks].sort((a, b) => b.opened_at.getTime() - a.opened_at.getTime())[0];
    const inPhase = tasks.filter((t) => t.phase_key === newest?.phase_key);
    const soonest = inPhase.map((t) => t.nominal_deadline.getTime()).sort((a, b) => a - b)[0];
    const meeting = meetings.find((m) => m.cycle_id === c.id);
    return {
      cycleId: c.id,
      phase: c.phase,
      openPhaseKey: newest?.phase_key ?? null,
      openDeadline: soonest === undefined ? null : new Date(soonest).toISOString(),
      parties: parties
        .filter((p) => p.cycle_id === c.id)
        .map((p) => ({
          code: p.code,
          name: p.name,
          status: inPhase.find((t) => t.party_code === p.code)?.status ?? null,
        })),
      meetingStartsAt: meeting ? meeting.starts_at.toISOString() : null,
      minutesRecorded: minutes.some((m) => m.cycle_id === c.id),
      documents: documents.filter((d) => d.cycle_id === c.id).length,
      undelivered: undelivered.filter((e) => e.cycle_id === c.id).length,
    };
  });
}
