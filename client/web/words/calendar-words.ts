// The statutory calendar's page in Finnish, Swedish and English.
import type { CycleKind, Language } from '../../../core/contracts';

export interface CalendarWords {
  heading: string;
  intro: string;
  county: string;
  show: string;
  schedules: string;
  none: string;
  schedule: string;
  state: string;
  nextRun: string;
  lastRun: string;
  actions: string;
  kinds: Record<CycleKind, string>;
  active: string;
  paused: string;
  failing: string;
  notRun: string;
  started: string;
  didNotStart: (at: string) => string;
  told: (who: string) => string;
  nobodyTold: string;
  trigger: string;
  pause: string;
  resume: string;
  install: string;
  installHint: string;
  annualDate: string;
  annualTime: string;
  termOffset: string;
  ministryDate: string;
  dateHint: string;
  installButton: string;
  badSettings: string;
  noSecretariat: string;
  toDirectory: string;
  result: Record<'created' | 'updated' | 'unchanged', string>;
  notScheduled: string;
  notByItself: string;
  periodLeft: (kind: string, period: string, next: string) => string;
  startNow: (kind: string, period: string) => string;
  never: string;
  triggered: (schedule: string) => string;
  pausedDone: (schedule: string) => string;
  resumedDone: (schedule: string) => string;
}

const fi: CalendarWords = {
  heading: 'Lakisääteinen kalenteri',
  intro:
    'Hyvinvointialueen neuvottelut alkavat kalenterin mukaan itsestään: osapuolet ja osallistujat haetaan osapuolihakemistosta sinä päivänä. Jos tietoja puuttuu, neuvottelu ei ala ja sihteeristölle kerrotaan mitä puuttuu.',
  county: 'Hyvinvointialue',
  show: 'Näytä',
  schedules: 'Aikataulut',
  none: 'Alueelle ei ole asennettu kalenteria.',
  schedule: 'Neuvottelu',
  state: 'Tila',
  nextRun: 'Seuraava käynnistys',
  lastRun: 'Viimeisin käynnistys',
  actions: 'Toiminnot',
  kinds: {
    term: 'Valtuustokauden neuvottelu (611/2021 §14)',
    annual: 'Vuosittainen hyte-neuvottelu (612/2021 §7)',
    hus: 'Helsinki ja HUS (612/2021 §6(5))',
    ministry: 'Ministeriöiden neuvottelu (611/2021 §13 a)',
    theme: 'Teemaneuvottelu',
  },
  active: 'käytössä',
  paused: 'keskeytetty',
  failing: 'ei käynnistynyt',
  notRun: 'ei vielä käynnistetty',
  started: 'aloitti neuvottelun',
  didNotStart: (at) => `${at}: neuvottelu ei alkanut`,
  told: (who) => `Ilmoitettu: ${who}`,
  nobodyTold: 'Kenellekään ei voitu ilmoittaa.',
  trigger: 'Käynnistä nyt',
  pause: 'Keskeytä',
  resume: 'Jatka',
  install: 'Asenna tai päivitä kalenteri',
  installHint: 'Asentaminen uudelleen samoilla tiedoilla ei muuta mitään.',
  annualDate: 'Vuosittaisen neuvottelun päivä',
  annualTime: 'Kellonaika',
  termOffset: 'Valtuustokauden neuvottelu alkaa kuukautta kauden alusta',
  ministryDate: 'Ministeriöiden neuvottelun valmistelu alkaa',
  dateHint: 'päivä ja kuukausi, esim. 1.9.',
  installButton: 'Asenna',
  badSettings: 'Päivät kirjoitetaan 1.9., kellonaika 9.00 ja kuukaudet numerona.',
  noSecretariat:
    'Osapuolihakemistossa ei ole alueen sihteeristöä: aikataulutettu neuvottelu ei voisi alkaa eikä kukaan alueella saisi siitä tietoa. Lisää sihteeristö hakemistoon ensin.',
  toDirectory: 'Osapuolihakemistoon',
  result: { created: 'asennettu', updated: 'päivitetty', unchanged: 'ennallaan' },
  notScheduled: 'Ahvenanmaa ei kuulu hyvinvointialuejärjestelmään.',
  notByItself: 'Ei ala itsestään tällä kaudella',
  periodLeft: (kind, period, next) =>
    `${kind}: kaudelle ${period} ei ole käyty neuvottelua, ja aikataulu käynnistyy seuraavan kerran ${next}. Se ei aloita kauden ${period} neuvottelua.`,
  startNow: (kind, period) => `Aloita kauden ${period} neuvottelu nyt: ${kind}`,
  never: 'ei koskaan',
  triggered: (s) => `${s} käynnistettiin. Sivu kertoo, miten käynnistys onnistui.`,
  pausedDone: (s) => `${s} keskeytettiin.`,
  resumedDone: (s) => `${s} jatkuu.`,
};

const sv: CalendarWords = {
  heading: 'Lagstadgad kalender',
  intro:
    'Välfärdsområdets förhandlingar börjar av sig själva enligt kalendern: parter och deltagare hämtas ur partskatalogen den dagen. Saknas uppgifter börjar förhandlingen inte och sekretariatet får veta vad som saknas.',
  county: 'Välfärdsområde',
  show: 'Visa',
  schedules: 'Tidtabeller',
  none: 'Ingen kalender har installerats för området.',
  schedule: 'Förhandling',
  state: 'Läge',
  nextRun: 'Nästa start',
  lastRun: 'Senaste start',
  actions: 'Åtgärder',
  kinds: {
    term: 'Förhandling för fullmäktigeperioden (611/2021 §14)',
    annual: 'Årlig förhandling om hälsa och välfärd (612/2021 §7)',
    hus: 'Helsingfors och HUS (612/2021 §6(5))',
    ministry: 'Ministeriernas förhandling (611/2021 §13 a)',
    theme: 'Temaförhandling',
  },
  active: 'i bruk',
  paused: 'pausad',
  failing: 'startade inte',
  notRun: 'inte startad ännu',
  started: 'inledde förhandlingen',
  didNotStart: (at) => `${at}: förhandlingen började inte`,
  told: (who) => `Meddelat: ${who}`,
  nobodyTold: 'Ingen kunde meddelas.',
  trigger: 'Starta nu',
  pause: 'Pausa',
  resume: 'Fortsätt',
  install: 'Installera eller uppdatera kalendern',
  installHint: 'Att installera på nytt med samma uppgifter ändrar ingenting.',
  annualDate: 'Den årliga förhandlingens dag',
  annualTime: 'Klockslag',
  termOffset: 'Förhandlingen för fullmäktigeperioden börjar så många månader efter periodens början',
  ministryDate: 'Beredningen av ministeriernas förhandling börjar',
  dateHint: 'dag och månad, t.ex. 1.9.',
  installButton: 'Installera',
  badSettings: 'Dagar skrivs 1.9., klockslag 9.00 och månader som tal.',
  noSecretariat:
    'Partskatalogen har inget sekretariat för området: en schemalagd förhandling kunde inte börja och ingen i området skulle få veta det. Lägg först till sekretariatet i katalogen.',
  toDirectory: 'Till partskatalogen',
  result: { created: 'installerad', updated: 'uppdaterad', unchanged: 'oförändrad' },
  notScheduled: 'Åland hör inte till välfärdsområdessystemet.',
  notByItself: 'Börjar inte av sig själv denna period',
  periodLeft: (kind, period, next) =>
    `${kind}: ingen förhandling har hållits för ${period}, och tidtabellen startar nästa gång ${next}. Den inleder inte förhandlingen för ${period}.`,
  startNow: (kind, period) => `Inled förhandlingen för ${period} nu: ${kind}`,
  never: 'aldrig',
  triggered: (s) => `${s} startades. Sidan visar hur starten gick.`,
  pausedDone: (s) => `${s} pausades.`,
  resumedDone: (s) => `${s} fortsätter.`,
};

const en: CalendarWords = {
  heading: 'Statutory calendar',
  intro:
    'The county’s negotiations start by themselves on the calendar: their parties and participants come from the party directory that day. When something is missing, the negotiation does not start and the secretariat is told what.',
  county: 'Wellbeing services county',
  show: 'Show',
  schedules: 'Schedules',
  none: 'No calendar is installed for the county.',
  schedule: 'Negotiation',
  state: 'State',
  nextRun: 'Next start',
  lastRun: 'Last start',
  actions: 'Actions',
  kinds: {
    term: 'Council term negotiation (611/2021 §14)',
    annual: 'Annual health and wellbeing negotiation (612/2021 §7)',
    hus: 'Helsinki and HUS (612/2021 §6(5))',
    ministry: 'Negotiation with the ministries (611/2021 §13 a)',
    theme: 'Theme negotiation',
  },
  active: 'active',
  paused: 'paused',
  failing: 'did not start',
  notRun: 'not run yet',
  started: 'started the negotiation',
  didNotStart: (at) => `${at}: the negotiation did not start`,
  told: (who) => `Told: ${who}`,
  nobodyTold: 'Nobody could be told.',
  trigger: 'Start now',
  pause: 'Pause',
  resume: 'Resume',
  install: 'Install or update the calendar',
  installHint: 'Installing again with the same settings changes nothing.',
  annualDate: 'Day of the annual negotiation',
  annualTime: 'Time',
  termOffset: 'The council term negotiation starts this many months into the term',
  ministryDate: 'The preparation for the ministries’ negotiation starts',
  dateHint: 'day and month, e.g. 1.9.',
  installButton: 'Install',
  badSettings: 'Days are written 1.9., the time 9.00 and months as a number.',
  noSecretariat:
    'The party directory names no secretariat for the county: a scheduled negotiation could not start and nobody in the county would hear of it. Add the secretariat to the directory first.',
  toDirectory: 'To the party directory',
  result: { created: 'installed', updated: 'updated', unchanged: 'unchanged' },
  notScheduled: 'Åland is outside the wellbeing services county system.',
  notByItself: 'Will not start by itself this period',
  periodLeft: (kind, period, next) =>
    `${kind}: no negotiation has been held for ${period}, and the schedule starts next on ${next}. It will not start the ${period} negotiation.`,
  startNow: (kind, period) => `Start the ${period} negotiation now: ${kind}`,
  never: 'never',
  triggered: (s) => `${s} was started. The page shows how the start went.`,
  pausedDone: (s) => `${s} was paused.`,
  resumedDone: (s) => `${s} goes on.`,
};

export const CALENDAR_WORDS: Record<Language, CalendarWords> = { fi, sv, en };
