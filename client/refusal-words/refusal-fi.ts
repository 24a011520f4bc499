// A cycle's refusals in Finnish (refusal-words.ts).
import { phaseNamed } from '../../core/domain/phase-names';
import { helsinki, named, type RefusalWords } from './refusal-kit';

const time = helsinki('klo');
const phaseKey = phaseNamed('valmistelu', 'neuvottelukokous', 'hyväksyntä', 'lausuntokierros');
const PHASE = {
  preparation: 'valmisteluvaiheessa',
  consultation: 'lausuntovaiheessa',
  meeting: 'neuvottelukokousvaiheessa',
  signoff: 'hyväksyntävaiheessa',
  completed: 'neuvottelun päätyttyä',
  cancelled: 'neuvottelun keskeydyttyä',
};
const WHEN = {
  cancelled: 'neuvottelu on keskeytetty',
  completed: 'neuvottelu on päättynyt',
  'meeting-before-minutes': 'neuvottelukokouksen pöytäkirjaa ei ole vielä kirjattu',
  'no-open-phase': 'mikään vaihe ei ole auki',
  'after-minutes': 'pöytäkirja on jo kirjattu',
  'in-signoff': 'hyväksyntä on jo alkanut',
  twice: 'se on jo tehty',
  'before-meeting': 'neuvottelukokousta ei ole vielä sovittu',
  'before-draft': 'luonnosta ei ole vielä julkaistu',
  'before-minutes': 'neuvottelukokouksen pöytäkirjaa ei ole vielä kirjattu',
};

export const fi: RefusalWords = {
  notPossible: ({ when, phase }) => `Tätä ei voi tehdä nyt: ${when === 'in-phase' ? `ei ${PHASE[phase]}` : WHEN[when]}`,
  tooManyRounds: ({ max }) => `Neuvottelussa voi olla enintään ${max} lausuntokierrosta`,
  noDraftVersion: ({ version }) => `Luonnoksen versiota ${version} ei ole`,
  draftNotStored: () => 'Luonnos lähetetään tiedostona',
  meetingInPast: ({ startsAt }) => `Neuvottelukokousta ei voi sopia menneeseen aikaan (${time(startsAt)})`,
  minutesBeforeMeeting: ({ startsAt }) =>
    `Pöytäkirjan voi kirjata, kun neuvottelukokous on alkanut (${time(startsAt)})`,
  signOffNeedsMinutes: () =>
    'Hyväksyntä seuraa neuvottelukokouksen pöytäkirjaa; jos neuvottelukokousta ei pidetä, kerro syy',
  confirmCancel: ({ total }) =>
    `Keskeyttäminen päättää neuvottelun kaikkien ${total} osapuolen osalta, eikä sitä voi perua. Vahvista, että jatketaan`,
  confirmSignOff: ({ total, phaseKey: key, open }, c) =>
    `Hyväksynnän aloittaminen pyytää kaikkia ${total} osapuolta päättämään lopullisesta versiosta${
      open.length && key
        ? `, ja vaihe ${phaseKey(key)} sulkeutuu nyt: ${open.length} osapuolta ei ole vastannut (${named(open, c)}); niiden tehtävät päättyvät ilman vastausta`
        : ''
    }. Vahvista, että jatketaan`,
  confirmClose: ({ total, phaseKey: key, open }, c) =>
    `${open.length}/${total} osapuolta ei ole vastannut vaiheessa ${phaseKey(key)} (${named(open, c)}); niiden tehtävät päättyvät ilman vastausta. Vahvista, että jatketaan`,
  unknownParty: ({ party }, c) => `${c.party(party)} ei ole tämän neuvottelun osapuoli`,
  noOpenTask: ({ party }, c) => `Osapuolella ${c.party(party)} ei ole avointa tehtävää`,
  noOpenTaskToExtend: ({ party }, c) =>
    `Osapuolella ${c.party(party)} ei ole avointa tehtävää, jonka määräaikaa voisi jatkaa`,
  notActiveParticipant: ({ party, email }, c) => `${email} ei ole osapuolen ${c.party(party)} osallistuja`,
  alreadyParticipant: ({ party, email }, c) => `${email} on jo osapuolen ${c.party(party)} osallistuja`,
  noRegistrationOnBehalf: () => 'Osallistujailmoitusta ei kirjata osapuolen puolesta; kirjaa osallistujat pöytäkirjaan',
  giveAnswerOrSignOff: ({ kind }) =>
    kind === 'signoff'
      ? 'Avoin tehtävä on hyväksyntä: kirjaa päätös'
      : 'Avoin tehtävä pyytää vastausta: kirjaa vastaus',
  alreadySignedOff: ({ party }, c) => `${c.party(party)} on jo tehnyt päätöksensä`,
  noCommentsOutsideRound: () => '"Ei lausuttavaa" on vastaus vain lausuntokierrokselle',
};
