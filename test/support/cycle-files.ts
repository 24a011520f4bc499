// A small valid cycle file (the county of Pirkanmaa and Tampere) that file-validation tests vary one field at a time.
import type { CycleFile } from '../../core/domain/cycle-file-schema';

/** A contact (its address in mixed case, as people type them) and a signatory at `domain`. */
export const people = (domain: string) => [
  { name: 'Yhteyshenkilö', email: `Contact@${domain}`, role: 'contact' as const },
  { name: 'Hallitus', email: `kirjaamo@${domain}`, role: 'signatory' as const },
];

export function pirkanmaaFile(): CycleFile {
  return {
    kind: 'term',
    county: '08',
    period: '2025-2029',
    secretariat: { name: 'Sihteeristö', email: 'sihteeristo@pirha.example.fi' },
    parties: ['08', '837'],
    participants: { '08': people('pirha.example.fi'), '837': people('tampere.example.fi') },
  };
}
