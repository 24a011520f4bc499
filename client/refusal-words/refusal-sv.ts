// A cycle's refusals in Swedish (refusal-words.ts).
import { phaseNamed } from '../../core/domain/phase-names';
import { helsinki, named, type RefusalWords } from './refusal-kit';

const time = helsinki('kl.');
const phaseKey = phaseNamed('beredning', 'förhandlingsmöte', 'godkännande', 'remissrunda');
const PHASE = {
  preparation: 'i beredningsskedet',
  consultation: 'i remisskedet',
  meeting: 'i mötesskedet',
  signoff: 'i godkännandeskedet',
  completed: 'efter att förhandlingen avslutats',
  cancelled: 'efter att förhandlingen avbrutits',
};
const WHEN = {
  cancelled: 'förhandlingen har avbrutits',
  completed: 'förhandlingen har avslutats',
  'meeting-before-minutes': 'förhandlingsmötets protokoll har ännu inte förts in',
  'no-open-phase': 'inget skede är öppet',
  'after-minutes': 'protokollet har redan förts in',
  'in-signoff': 'godkännandet har redan börjat',
  twice: 'det har redan gjorts',
  'before-meeting': 'inget förhandlingsmöte har ännu bestämts',
  'before-draft': 'inget utkast har ännu publicerats',
  'before-minutes': 'förhandlingsmötets protokoll har ännu inte förts in',
};

export const sv: RefusalWords = {
  notPossible: ({ when, phase }) => `Det går inte nu: ${when === 'in-phase' ? `inte ${PHASE[phase]}` : WHEN[when]}`,
  tooManyRounds: ({ max }) => `En förhandling kan ha högst ${max} remissrundor`,
  noDraftVersion: ({ version }) => `Det finns ingen version ${version} av utkastet`,
  draftNotStored: () => 'Utkastet skickas som fil',
  meetingInPast: ({ startsAt }) => `Förhandlingsmötet kan inte bestämmas till en tid som har varit (${time(startsAt)})`,
  minutesBeforeMeeting: ({ startsAt }) =>
    `Protokollet kan föras in när förhandlingsmötet har börjat (${time(startsAt)})`,
  signOffNeedsMinutes: () => 'Godkännandet följer på förhandlingsmötets protokoll; om inget möte hålls, ange orsaken',
  confirmCancel: ({ total }) =>
    `Att avbryta avslutar förhandlingen för alla ${total} parter och kan inte ångras. Bekräfta att du vill fortsätta`,
  confirmSignOff: ({ total, phaseKey: key, open }, c) =>
    `Att inleda godkännandet ber alla ${total} parter att besluta om den slutliga versionen${
      open.length && key
        ? `, och skedet ${phaseKey(key)} stängs nu: ${open.length} parter har inte svarat (${named(open, c)}); deras uppgifter avslutas utan svar`
        : ''
    }. Bekräfta att du vill fortsätta`,
  confirmClose: ({ total, phaseKey: key, open }, c) =>
    `${open.length} av ${total} parter har inte svarat i skedet ${phaseKey(key)} (${named(open, c)}); deras uppgifter avslutas utan svar. Bekräfta att du vill fortsätta`,
  unknownParty: ({ party }, c) => `${c.party(party)} är inte part i denna förhandling`,
  noOpenTask: ({ party }, c) => `${c.party(party)} har ingen öppen uppgift`,
  noOpenTaskToExtend: ({ party }, c) => `${c.party(party)} har ingen öppen uppgift vars tidsfrist kunde förlängas`,
  notActiveParticipant: ({ party, email }, c) => `${email} är inte deltagare för ${c.party(party)}`,
  alreadyParticipant: ({ party, email }, c) => `${email} är redan deltagare för ${c.party(party)}`,
  noRegistrationOnBehalf: () =>
    'Anmälan av deltagare registreras inte å partens vägnar; för in deltagarna i protokollet',
  giveAnswerOrSignOff: ({ kind }) =>
    kind === 'signoff'
      ? 'Den öppna uppgiften är ett godkännande: registrera beslutet'
      : 'Den öppna uppgiften ber om ett svar: registrera svaret',
  alreadySignedOff: ({ party }, c) => `${c.party(party)} har redan fattat sitt beslut`,
  noCommentsOutsideRound: () => '"Inget att yttra" är ett svar endast på en remissrunda',
};
