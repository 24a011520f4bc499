// Why a file was refused, in the reader's language: every page that takes files says it the same way.
import type { FileProblem, FileRefused } from '../../core/domain/file-types';
import type { Language } from '../../core/contracts';

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

const WORDS: Record<Language, (p: FileProblem) => string> = {
  fi: (p) => {
    switch (p.kind) {
      case 'empty':
        return 'tiedosto on tyhjä';
      case 'too-large':
        return `tiedosto on suurempi kuin ${mb(p.maxBytes)} Mt`;
      case 'not-allowed':
        return `tiedostomuotoa ei hyväksytä; hyväksytyt muodot: ${p.allowed.join(', ')}`;
      case 'mismatch':
        return `tiedoston nimi kertoo muodoksi ${p.named}, mutta sisältö on ${p.actual}`;
      case 'corrupt':
        return `tiedosto ei aukea muodossa ${p.format}; se voi olla vioittunut`;
      case 'unpacks-too-large':
        return `tiedosto purkautuu yli ${mb(p.maxBytes)} Mt:n kokoiseksi, eikä sitä oteta vastaan`;
    }
  },
  sv: (p) => {
    switch (p.kind) {
      case 'empty':
        return 'filen är tom';
      case 'too-large':
        return `filen är större än ${mb(p.maxBytes)} MB`;
      case 'not-allowed':
        return `filformatet godtas inte; godtagna format: ${p.allowed.join(', ')}`;
      case 'mismatch':
        return `filens namn anger formatet ${p.named}, men innehållet är ${p.actual}`;
      case 'corrupt':
        return `filen öppnas inte som ${p.format}; den kan vara skadad`;
      case 'unpacks-too-large':
        return `filen packas upp till mer än ${mb(p.maxBytes)} MB och tas inte emot`;
    }
  },
  en: (p) => {
    switch (p.kind) {
      case 'empty':
        return 'the file is empty';
      case 'too-large':
        return `the file is larger than ${mb(p.maxBytes)} MB`;
      case 'not-allowed':
        return `the format is not accepted; accepted formats: ${p.allowed.join(', ')}`;
      case 'mismatch':
        return `the file is named as ${p.named}, but its content is ${p.actual}`;
      case 'corrupt':
        return `the file does not open as ${p.format}; it may be damaged`;
      case 'unpacks-too-large':
        return `the file unpacks to more than ${mb(p.maxBytes)} MB and is not taken`;
    }
  },
};

export const fileRefusal = (lang: Language, err: FileRefused): string => `${err.fileName}: ${WORDS[lang](err.problem)}`;
