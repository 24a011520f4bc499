// The county's follow-up report: every goal its parties set, and the status each reported on it in later cycles,
// as a table or CSV (`sopu follow-up`, and a download beside each cycle).
import type { FollowUpLine } from '../db/follow-up';
import { toCsv } from './csv';
import { agendaName } from '../core/domain/cycle-templates';
import type { GoalStatus, Language } from '../core/contracts';

export const STATUS_WORDS: Record<Language, Record<GoalStatus, string>> = {
  fi: { achieved: 'saavutettu', on_track: 'etenee', delayed: 'viivästynyt', dropped: 'luovuttu' },
  sv: { achieved: 'uppnått', on_track: 'framskrider', delayed: 'försenat', dropped: 'slopat' },
  en: { achieved: 'achieved', on_track: 'on track', delayed: 'delayed', dropped: 'dropped' },
};

const history = (line: FollowUpLine, language: Language) =>
  line.statuses
    .map(
      (s) =>
        `${s.period}: ${STATUS_WORDS[language][s.status]}${s.currentValue ? ` (${s.currentValue})` : ''}${s.comment ? ` – ${s.comment}` : ''}`,
    )
    .join('; ');

const area = (line: FollowUpLine, language: Language) =>
  line.agenda[line.area] !== undefined ? agendaName(line.agenda[line.area]!, language) : `#${line.area + 1}`;

export function followUpCsv(lines: FollowUpLine[], language: Language = 'fi'): string {
  const header = [
    'party code',
    'party',
    'set in',
    'agenda item',
    'goal',
    'indicator',
    'baseline',
    'target',
    'target year',
    'follow-up',
  ];
  const rows = lines.map((l) => [
    l.partyCode,
    l.partyName,
    `${l.kind} ${l.period}`,
    area(l, language),
    l.goal,
    l.indicator ?? '',
    l.baseline ?? '',
    l.target ?? '',
    l.targetYear ? String(l.targetYear) : '',
    history(l, language),
  ]);
  return toCsv(header, rows);
}

export function followUpTable(lines: FollowUpLine[], language: Language = 'fi'): string {
  if (!lines.length) return 'No goals recorded in this county yet.';
  return lines
    .map(
      (l) =>
        `${`${l.partyCode} ${l.partyName}`.slice(0, 24).padEnd(24)} ${`${l.kind} ${l.period}`.padEnd(16)} ${l.goal}${l.targetYear ? ` (${l.targetYear})` : ''}\n${' '.repeat(42)}${history(l, language) || '–'}`,
    )
    .join('\n');
}
