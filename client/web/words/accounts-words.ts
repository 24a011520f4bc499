// The administrator's page of staff accounts in Finnish, Swedish and English.
import type { Language } from '../../../core/contracts';

export interface AccountsWords {
  nav: string;
  heading: string;
  intro: string;
  email: string;
  role: string;
  counties: string;
  everyCounty: string;
  signIn: string;
  password: string;
  providerOnly: string;
  actions: string;
  remove: string;
  removeOf: (email: string) => string;
  add: string;
  passwordHint: string;
  save: string;
  saved: (email: string) => string;
  removed: (email: string) => string;
  badEmail: string;
  noCounty: string;
  shortPassword: string;
  notYours: string;
  notYourself: string;
}

const fi: AccountsWords = {
  nav: 'Käyttäjätilit',
  heading: 'Henkilöstön käyttäjätilit',
  intro:
    'Kuka pääsee Sopuun ja minkä hyvinvointialueiden neuvotteluihin. Organisaation tunnistuspalvelun kautta kirjautuvat saavat oikeutensa ryhmistään; tässä pidetään Sopun omat tilit.',
  email: 'Sähköposti',
  role: 'Rooli',
  counties: 'Hyvinvointialueet',
  everyCounty: 'Kaikki hyvinvointialueet',
  signIn: 'Kirjautuminen',
  password: 'salasana',
  providerOnly: 'vain tunnistuspalvelu',
  actions: 'Toiminnot',
  remove: 'Poista',
  removeOf: (e) => `Poista ${e}`,
  add: 'Lisää tai muuta tili',
  passwordHint:
    'Vähintään 12 merkkiä. Tyhjä: uusi tili kirjautuu vain tunnistuspalvelulla, olemassa olevan salasana säilyy.',
  save: 'Tallenna',
  saved: (e) => `Tili ${e} tallennettu.`,
  removed: (e) => `Tili ${e} poistettu; sen istunnot päättyivät.`,
  badEmail: 'Anna sähköpostiosoite.',
  noCounty: 'Valitse ainakin yksi hyvinvointialue.',
  shortPassword: 'Salasanassa on oltava vähintään 12 merkkiä.',
  notYours: 'Tili koskee hyvinvointialuetta, jonka tilejä et ylläpidä.',
  notYourself: 'Omaa tiliä ei voi poistaa.',
};

const sv: AccountsWords = {
  nav: 'Användarkonton',
  heading: 'Personalens användarkonton',
  intro:
    'Vem som kommer in i Sopu och till vilka välfärdsområdens förhandlingar. De som loggar in via organisationens identifieringstjänst får sina rättigheter från sina grupper; här hålls Sopus egna konton.',
  email: 'E-post',
  role: 'Roll',
  counties: 'Välfärdsområden',
  everyCounty: 'Alla välfärdsområden',
  signIn: 'Inloggning',
  password: 'lösenord',
  providerOnly: 'endast identifieringstjänsten',
  actions: 'Åtgärder',
  remove: 'Ta bort',
  removeOf: (e) => `Ta bort ${e}`,
  add: 'Lägg till eller ändra ett konto',
  passwordHint:
    'Minst 12 tecken. Tomt: ett nytt konto loggar in endast via identifieringstjänsten, ett befintligt behåller sitt lösenord.',
  save: 'Spara',
  saved: (e) => `Kontot ${e} sparades.`,
  removed: (e) => `Kontot ${e} togs bort; dess sessioner avslutades.`,
  badEmail: 'Ange en e-postadress.',
  noCounty: 'Välj minst ett välfärdsområde.',
  shortPassword: 'Lösenordet ska ha minst 12 tecken.',
  notYours: 'Kontot gäller ett välfärdsområde vars konton du inte sköter.',
  notYourself: 'Du kan inte ta bort ditt eget konto.',
};

const en: AccountsWords = {
  nav: 'Accounts',
  heading: 'Staff accounts',
  intro:
    "Who gets into Sopu, and to which counties' negotiations. People who sign in through the organisation's identity provider get their rights from their groups; Sopu's own accounts are kept here.",
  email: 'Email',
  role: 'Role',
  counties: 'Counties',
  everyCounty: 'Every county',
  signIn: 'Sign-in',
  password: 'password',
  providerOnly: 'identity provider only',
  actions: 'Actions',
  remove: 'Remove',
  removeOf: (e) => `Remove ${e}`,
  add: 'Add or change an account',
  passwordHint:
    'At least 12 characters. Empty: a new account signs in through the identity provider only; an existing one keeps its password.',
  save: 'Save',
  saved: (e) => `Account ${e} saved.`,
  removed: (e) => `Account ${e} removed; its sessions have ended.`,
  badEmail: 'Give an email address.',
  noCounty: 'Choose at least one county.',
  shortPassword: 'A password has at least 12 characters.',
  notYours: 'The account concerns a county whose accounts you do not keep.',
  notYourself: 'You cannot remove your own account.',
};

export const ACCOUNTS_WORDS: Record<Language, AccountsWords> = { fi, sv, en };
