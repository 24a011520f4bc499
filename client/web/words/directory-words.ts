// Words of the party directory's pages in Finnish, Swedish and English.
import type { Language } from '../../../core/contracts';
import { en } from './directory-en';
import { fi } from './directory-fi';
import { sv } from './directory-sv';

export interface DirectoryWords {
  nav: string;
  heading: string;
  intro: string;
  county: string;
  show: string;
  party: (name: string, code: string) => string;
  role: string;
  name: string;
  email: string;
  language: string;
  languageDefault: string;
  languages: Record<Language, string>;
  actions: string;
  edit: string;
  remove: string;
  removeOf: (name: string, party: string) => string;
  editOf: (name: string, party: string) => string;
  add: string;
  addTo: (party: string) => string;
  save: string;
  nobody: string;
  missing: (roles: string) => string;
  pairs: string;
  pairsHint: string;
  area: string;
  municipalityPerson: string;
  countyPerson: string;
  setPair: string;
  removePair: string;
  noPairs: string;
  importHeading: string;
  importHint: string;
  file: string;
  importButton: string;
  template: string;
  export: string;
  noFile: string;
  notSheet: string;
  imported: (entries: number, parties: number) => string;
  refusedRows: (count: number) => string;
  refusedHint: string;
  fixRow: (row: number) => string;
  nothingImported: string;
  saved: string;
  removed: string;
  exists: string;
  entryProblems: string;
  changes: string;
  noChanges: string;
  change: Record<'added' | 'changed' | 'removed' | 'imported' | 'pair-set' | 'pair-removed', string>;
  when: string;
  who: string;
  what: string;
  /** A change that concerns running negotiations: offered as a replacement in each. */
  actsIn: (name: string) => string;
  replaceIn: (title: string) => string;
  replaceReason: string;
  openCycle: (title: string) => string;
  backToDirectory: string;
}

export const DIRECTORY_WORDS: Record<Language, DirectoryWords> = { fi, sv, en };
