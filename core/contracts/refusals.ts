// Why a cycle refused a control, as data: a key and the facts the sentence needs. The workflow sends it in the
// failure's details beside its technical English message (what the CLI and logs show); a reader gets it in their own
// language (core/domain/refusal-words/), party codes turned into names and times into Helsinki time.
import type { CyclePhase, TaskKind } from './vocabulary';

/** When a control is not possible: the cycle's state that rules it out. */
export type NotPossibleWhen =
  | 'cancelled'
  | 'completed'
  | 'meeting-before-minutes'
  | 'in-phase'
  | 'no-open-phase'
  | 'after-minutes'
  | 'in-signoff'
  | 'twice'
  | 'before-meeting'
  | 'before-draft'
  | 'before-minutes';

export type Refusal =
  | { key: 'notPossible'; when: NotPossibleWhen; phase: CyclePhase }
  | { key: 'tooManyRounds'; max: number }
  | { key: 'noDraftVersion'; version: number }
  | { key: 'draftNotStored' }
  | { key: 'meetingInPast'; startsAt: string }
  | { key: 'minutesBeforeMeeting'; startsAt: string }
  | { key: 'signOffNeedsMinutes' }
  | { key: 'confirmCancel'; total: number }
  | { key: 'confirmSignOff'; total: number; phaseKey: string | null; open: string[] }
  | { key: 'confirmClose'; total: number; phaseKey: string; open: string[] }
  | { key: 'unknownParty'; party: string }
  | { key: 'noOpenTask'; party: string }
  | { key: 'noOpenTaskToExtend'; party: string }
  | { key: 'notActiveParticipant'; party: string; email: string }
  | { key: 'alreadyParticipant'; party: string; email: string }
  | { key: 'noRegistrationOnBehalf' }
  | { key: 'giveAnswerOrSignOff'; kind: TaskKind }
  | { key: 'alreadySignedOff'; party: string }
  | { key: 'noCommentsOutsideRound' };

export type RefusalKey = Refusal['key'];

/** A failure's details when a refusal is one of these. */
export interface RefusalDetails {
  refusal: Refusal;
}
