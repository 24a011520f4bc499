// The staff pages' words by language.
import type { Language } from '../../../core/contracts';
import { en } from './staff-en';
import { fi } from './staff-fi';
import type { StaffWords } from './staff-words';
import { sv } from './staff-sv';

export const STAFF_WORDS: Record<Language, StaffWords> = { fi, sv, en };
