// The minutes form's own words in Finnish, Swedish and English: attendees from the parties' registrations or added,
// items with their conclusions, and the preview of the mail every participant receives.
import type { Language } from '../../../core/contracts';

export interface MinutesWords {
  registered: string;
  noneRegistered: string;
  added: string;
  addedHint: string;
  party: string;
  name: string;
  role: string;
  organisation: string;
  organisationHint: string;
  attendee: (n: number) => string;
  item: (n: number) => string;
  itemsHint: string;
  title: string;
  conclusion: string;
  preview: string;
  previewHeading: string;
  previewLead: string;
  mailIn: (language: string) => string;
  languages: Record<Language, string>;
  back: string;
}

const fi: MinutesWords = {
  registered: 'Ilmoittautuneet',
  noneRegistered: 'Kukaan ei ole ilmoittautunut.',
  added: 'Muut osallistujat',
  addedHint: 'Tyhjä rivi jätetään pois.',
  party: 'Osapuoli',
  name: 'Nimi',
  role: 'Rooli kokouksessa',
  organisation: 'Organisaatio',
  organisationHint: 'tyhjä: osapuoli',
  attendee: (n) => `Osallistuja ${n}`,
  item: (n) => `Kohta ${n}`,
  itemsHint: 'Asialistan kohdat valmiina; kohta, jolle ei ole kirjoitettu päätöstä, jätetään pois.',
  title: 'Otsikko',
  conclusion: 'Päätös tai johtopäätös',
  preview: 'Esikatsele',
  previewHeading: 'Pöytäkirja ennen kirjaamista',
  previewLead: 'Jokainen osallistuja saa tämän viestin kielellään, kun pöytäkirja kirjataan.',
  mailIn: (language) => `Viesti: ${language}`,
  languages: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
  back: 'Takaisin neuvotteluun',
};

const sv: MinutesWords = {
  registered: 'Anmälda',
  noneRegistered: 'Ingen har anmält sig.',
  added: 'Andra deltagare',
  addedHint: 'En tom rad lämnas bort.',
  party: 'Part',
  name: 'Namn',
  role: 'Roll vid mötet',
  organisation: 'Organisation',
  organisationHint: 'tomt: parten',
  attendee: (n) => `Deltagare ${n}`,
  item: (n) => `Ärende ${n}`,
  itemsHint: 'Föredragningslistans punkter färdigt ifyllda; ett ärende utan beslut lämnas bort.',
  title: 'Rubrik',
  conclusion: 'Beslut eller slutsats',
  preview: 'Förhandsgranska',
  previewHeading: 'Protokollet innan det förs in',
  previewLead: 'Varje deltagare får detta meddelande på sitt språk när protokollet förs in.',
  mailIn: (language) => `Meddelande: ${language}`,
  languages: { fi: 'finska', sv: 'svenska', en: 'engelska' },
  back: 'Tillbaka till förhandlingen',
};

const en: MinutesWords = {
  registered: 'Registered',
  noneRegistered: 'Nobody has registered.',
  added: 'Other attendees',
  addedHint: 'An empty row is left out.',
  party: 'Party',
  name: 'Name',
  role: 'Role at the meeting',
  organisation: 'Organisation',
  organisationHint: 'empty: the party',
  attendee: (n) => `Attendee ${n}`,
  item: (n) => `Item ${n}`,
  itemsHint: 'The agenda’s items are filled in; an item without a conclusion is left out.',
  title: 'Title',
  conclusion: 'Decision or conclusion',
  preview: 'Preview',
  previewHeading: 'The minutes before they are recorded',
  previewLead: 'Every participant receives this message in their language when the minutes are recorded.',
  mailIn: (language) => `Message: ${language}`,
  languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
  back: 'Back to the negotiation',
};

export const MINUTES_WORDS: Record<Language, MinutesWords> = { fi, sv, en };
