// A cycle's refusals in English (refusal-words.ts).
import { phaseNamed } from '../../core/domain/phase-names';
import { helsinki, named, type RefusalWords } from './refusal-kit';

const time = helsinki('at');
const phaseKey = phaseNamed('preparation', 'meeting', 'sign-off', 'consultation round');
const PHASE = {
  preparation: 'in the preparation phase',
  consultation: 'in the consultation phase',
  meeting: 'in the meeting phase',
  signoff: 'in the sign-off phase',
  completed: 'after the negotiation has completed',
  cancelled: 'after the negotiation has been cancelled',
};
const WHEN = {
  cancelled: 'the negotiation has been cancelled',
  completed: 'the negotiation has completed',
  'meeting-before-minutes': 'the minutes of the meeting are not recorded yet',
  'no-open-phase': 'no phase is open',
  'after-minutes': 'the minutes are recorded already',
  'in-signoff': 'the sign-off has started already',
  twice: 'it has been done already',
  'before-meeting': 'no meeting is scheduled yet',
  'before-draft': 'no draft is published yet',
  'before-minutes': 'the minutes of the meeting are not recorded yet',
};

export const en: RefusalWords = {
  notPossible: ({ when, phase }) =>
    `This is not possible now: ${when === 'in-phase' ? `not ${PHASE[phase]}` : WHEN[when]}`,
  tooManyRounds: ({ max }) => `A negotiation has at most ${max} consultation rounds`,
  noDraftVersion: ({ version }) => `There is no version ${version} of the draft`,
  draftNotStored: () => 'The draft is sent as a file',
  meetingInPast: ({ startsAt }) => `The meeting cannot be scheduled in the past (${time(startsAt)}, Helsinki time)`,
  minutesBeforeMeeting: ({ startsAt }) =>
    `The minutes can be recorded once the meeting has started (${time(startsAt)}, Helsinki time)`,
  signOffNeedsMinutes: () =>
    'Sign-off follows the minutes of the meeting; to go to sign-off without a meeting, give the reason',
  confirmCancel: ({ total }) =>
    `Cancelling ends the negotiation for all ${total} parties and cannot be undone. Confirm to go on`,
  confirmSignOff: ({ total, phaseKey: key, open }, c) =>
    `Starting the sign-off asks all ${total} parties to decide on the final version${
      open.length && key
        ? ` and closes the ${phaseKey(key)} now: ${open.length} ${open.length === 1 ? 'party has' : 'parties have'} not answered (${named(open, c)}); their tasks close as no response`
        : ''
    }. Confirm to go on`,
  confirmClose: ({ total, phaseKey: key, open }, c) =>
    `${open.length} of ${total} parties have not answered in the ${phaseKey(key)} (${named(open, c)}); their tasks close as no response. Confirm to go on`,
  unknownParty: ({ party }, c) => `${c.party(party)} is not a party of this negotiation`,
  noOpenTask: ({ party }, c) => `${c.party(party)} has no open task`,
  noOpenTaskToExtend: ({ party }, c) => `${c.party(party)} has no open task whose deadline could be extended`,
  notActiveParticipant: ({ party, email }, c) => `${email} is not a participant of ${c.party(party)}`,
  alreadyParticipant: ({ party, email }, c) => `${email} is already a participant of ${c.party(party)}`,
  noRegistrationOnBehalf: () =>
    'Meeting registrations are not recorded on behalf of a party; record the attendees in the minutes',
  giveAnswerOrSignOff: ({ kind }) =>
    kind === 'signoff'
      ? 'The open task is the sign-off: record the decision'
      : 'The open task asks for an answer: record the answer',
  alreadySignedOff: ({ party }, c) => `${c.party(party)} has already decided`,
  noCommentsOutsideRound: () => '"No comments" is an answer to a consultation round only',
};
