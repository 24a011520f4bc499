// What a participant's task page shows from the record, read in one call; the task's live state comes from Temporal.
import type { Kysely } from 'kysely';
import type { Language } from '../../core/contracts';
import { draftOf } from '../answer-drafts';
import { attachmentsOf, cycleAnswers, meetingRecord } from '../answers';
import { previousGoals } from '../follow-up';
import { referenceOn } from '../reference-store';
import type { Database } from '../schema';
import { latestThlValue, searchThlIndicators, thlCatalogueFetchedAt, thlIndicatorsByIds } from '../thl';
import { agreementOf, closedPhases, cycleSettings, partyAnswers } from '../web-queries';

interface TaskOf {
  taskId: string;
  cycleId: string;
  partyCode: string;
  kind: string;
}

/** The page's record: the participant's saved draft (unless the page shows a form as sent), the reference data that
 * names things, goals from earlier cycles (in the preparation), the party's answers with their files, the cycle's
 * settings, other parties' answers in closed phases (unless kept to the secretariat), the minutes and the agreement. */
export async function taskPageView(db: Kysely<Database>, task: TaskOf, email: string, withDraft: boolean) {
  const { taskId, cycleId, partyCode } = task;
  const draft = withDraft ? await draftOf(db, taskId, email) : undefined;
  const reference = await referenceOn(db, new Date().toISOString().slice(0, 10));
  const earlierGoals = task.kind === 'input' ? await previousGoals(db, cycleId, partyCode) : [];
  const answers = await partyAnswers(db, cycleId, partyCode);
  const ownFiles = await attachmentsOf(
    db,
    answers.map((a) => String(a.id)),
  );
  const { agenda, answersVisible } = await cycleSettings(db, cycleId);
  // Once a phase has closed, the other parties' answers in it are theirs to read, unless the cycle keeps them
  // to the secretariat.
  const closed = answersVisible === 'after-phase' ? await closedPhases(db, cycleId, partyCode) : [];
  const others = closed.length
    ? (await cycleAnswers(db, cycleId)).filter((a) => a.partyCode !== partyCode && closed.includes(a.phaseKey))
    : [];
  const { minutes } = await meetingRecord(db, cycleId);
  const agreement = await agreementOf(db, cycleId);
  return { draft, reference, earlierGoals, answers, ownFiles, agenda, answersVisible, others, minutes, agreement };
}

/** What the goal form offers of THL's indicators: those matching the participant's search, those the cycle suggests,
 * the titles of those chosen, and THL's latest figure for the party's municipality of each (a new goal's baseline). */
export async function thlChoicesView(
  db: Kysely<Database>,
  options: { cycleId: string; partyCode: string; query: string; chosen: number[]; language: Language },
) {
  const { thlIndicators } = await cycleSettings(db, options.cycleId);
  const [found, suggested, chosen, catalogued] = await Promise.all([
    options.query ? searchThlIndicators(db, options.query, options.language) : Promise.resolve([]),
    thlIndicatorsByIds(db, thlIndicators, options.language),
    thlIndicatorsByIds(db, options.chosen, options.language),
    thlCatalogueFetchedAt(db),
  ]);
  const latest = new Map<number, { year: number; value: number }>();
  for (const id of new Set(options.chosen)) {
    const value = await latestThlValue(db, id, options.partyCode);
    if (value) latest.set(id, value);
  }
  return {
    query: options.query,
    found,
    suggested,
    titles: new Map(chosen.map((i) => [i.id, i.title])),
    latest,
    catalogued: catalogued !== null,
  };
}

export type ThlChoices = Awaited<ReturnType<typeof thlChoicesView>>;
