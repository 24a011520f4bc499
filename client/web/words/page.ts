// The participant pages' words by language.
import type { Language } from '../../../core/contracts';
import { en } from './page-en';
import { fi } from './page-fi';
import type { PageWords } from './page-words';
import { sv } from './page-sv';

export const PAGE_WORDS: Record<Language, PageWords> = { fi, sv, en };
