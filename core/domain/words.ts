// Every word Sopu's emails use, by language (one file each in mail-words/). Dates are written as people write them
// in each language, with the weekday, in Europe/Helsinki time.
import type { Language } from '../contracts';
import { en } from './mail-words/mail-en';
import { fi } from './mail-words/mail-fi';
import type { Words } from './mail-words/mail-words';
import { sv } from './mail-words/mail-sv';

export type { Words };
export const WORDS: Record<Language, Words> = { fi, sv, en };
