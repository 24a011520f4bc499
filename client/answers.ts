// `sopu cycle answers` and the cycle page's answers: what every party said, per phase, its latest version first with
// the earlier ones, and marks for late, on-behalf and "no comments". Times are Helsinki time.
import { DateTime } from 'luxon';
import type { AnswerRow } from '../db/answers';
import { toCsv } from './csv';
import { CSV_WORDS, type CsvWords } from './csv-words';
import { agendaName } from '../core/domain/cycle-templates';
import { TIME_ZONE, type AgendaEntry, type Goal, type Language } from '../core/contracts';

export const ANSWER_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type AnswerFormat = (typeof ANSWER_FORMATS)[number];

export interface PartyAnswers {
  partyCode: string;
  partyName: string;
  /** Newest first: the first is what counts. */
  versions: AnswerRow[];
}

export interface PhaseAnswers {
  phaseKey: string;
  parties: PartyAnswers[];
}

export const helsinkiTime = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: TIME_ZONE }).toFormat('d.L.yyyy HH:mm');

/** Late, on behalf, no comments, a decision: the marks a reader needs beside the text. */
export const marks = (row: AnswerRow): string[] => marksIn(CSV_WORDS.en, row);

function marksIn(w: CsvWords, row: AnswerRow): string[] {
  return [
    ...(row.kind === 'no_comments' ? [w.noComments] : []),
    ...(row.kind === 'approved' || row.kind === 'rejected' ? [w.kind[row.kind]] : []),
    ...(row.late ? [w.late] : []),
    ...(row.onBehalfBy ? [w.onBehalf(row.onBehalfBy)] : []),
  ];
}

/** Rows (phase order, then party, oldest first) grouped by phase and party, newest version first. */
export function groupAnswers(rows: AnswerRow[]): PhaseAnswers[] {
  const phases: PhaseAnswers[] = [];
  for (const row of rows) {
    let phase = phases.find((p) => p.phaseKey === row.phaseKey);
    if (!phase) phases.push((phase = { phaseKey: row.phaseKey, parties: [] }));
    let party = phase.parties.find((p) => p.partyCode === row.partyCode);
    if (!party) phase.parties.push((party = { partyCode: row.partyCode, partyName: row.partyName, versions: [] }));
    party.versions.unshift(row);
  }
  return phases;
}

/** A goal on one line: what, its measure, the indicator from baseline to target by year, who, the counterpart pair. */
export function goalLine(g: Goal): string {
  const indicator = g.indicator
    ? `${g.indicator}${g.baseline || g.target ? ` ${g.baseline ?? '?'} → ${g.target ?? '?'}` : ''}${g.targetYear ? ` (${g.targetYear})` : ''}`
    : g.targetYear
      ? `(${g.targetYear})`
      : '';
  const pair = g.partyPerson || g.countyPerson ? `${g.partyPerson ?? '?'} ↔ ${g.countyPerson ?? '?'}` : '';
  return [g.goal, g.measure, indicator, g.responsible, pair].filter(Boolean).join('; ');
}

/** Each agenda item's name and what the answer says there. */
export const areasIn = (row: AnswerRow, agenda: AgendaEntry[], language: Language) =>
  row.areas.map((a) => ({
    ...a,
    name: agenda[a.area] !== undefined ? agendaName(agenda[a.area]!, language) : `#${a.area + 1}`,
  }));

/** The goals register: every party's goals per agenda item, from its latest answer in each phase. */
export function goalsRegister(rows: AnswerRow[], agenda: AgendaEntry[], language: Language = 'fi') {
  return groupAnswers(rows).flatMap((phase) =>
    phase.parties.flatMap((party) =>
      areasIn(party.versions[0]!, agenda, language).flatMap((area) =>
        (area.goals ?? []).map((goal) => ({
          phaseKey: phase.phaseKey,
          partyCode: party.partyCode,
          partyName: party.partyName,
          area: area.name,
          ...goal,
          givenBy: party.versions[0]!.participantEmail,
          at: party.versions[0]!.at,
        })),
      ),
    ),
  );
}

export function goalsRegisterCsv(rows: AnswerRow[], agenda: AgendaEntry[], language: Language = 'fi'): string {
  const w = CSV_WORDS[language];
  const header = w.goals;
  const lines = goalsRegister(rows, agenda, language).map((g) => [
    w.phase(g.phaseKey),
    g.partyCode,
    g.partyName,
    g.area,
    g.goal,
    g.measure ?? '',
    g.indicator ?? '',
    g.baseline ?? '',
    g.target ?? '',
    g.targetYear ? String(g.targetYear) : '',
    g.responsible ?? '',
    g.partyPerson ?? '',
    g.countyPerson ?? '',
    g.givenBy,
    helsinkiTime(g.at),
    g.thlIndicator ? String(g.thlIndicator) : '',
  ]);
  return toCsv(header, lines);
}

/** Every answer on a line, in `language`'s words (English keeps the codes scripts read). */
/** Every answer on a line, in `language`'s words (English keeps the codes scripts read); what it says of each agenda
 * item on a line of its own, named in the agenda item column. */
function csv(rows: AnswerRow[], language: Language, agenda: AgendaEntry[]): string {
  const w = CSV_WORDS[language];
  const lines = rows.flatMap((r) => {
    const about = [
      w.phase(r.phaseKey),
      r.partyCode,
      r.partyName,
      r.participantName,
      r.participantEmail,
      w.kind[r.kind],
      marksIn(w, r).join('; '),
      helsinkiTime(r.at),
    ];
    const areas = areasIn(r, agenda, language).filter((a) => a.text);
    return [
      ...(r.text || !areas.length ? [[...about, '', r.text]] : []),
      ...areas.map((a) => [...about, a.name, a.text!]),
    ];
  });
  return toCsv(w.answers, lines);
}

const mdLine = (text: string) => text.replace(/\r?\n/g, '  \n');

function markdown(phases: PhaseAnswers[]): string {
  const out: string[] = [];
  for (const phase of phases) {
    out.push(`## ${phase.phaseKey}`, '');
    for (const party of phase.parties) {
      out.push(`### ${party.partyCode} ${party.partyName}`, '');
      party.versions.forEach((v, i) => {
        const label = i === 0 ? 'latest' : `earlier (${party.versions.length - i})`;
        const extra = marks(v).length ? `, ${marks(v).join(', ')}` : '';
        out.push(`- **${label}**, ${v.participantName} <${v.participantEmail}>, ${helsinkiTime(v.at)}${extra}`);
        if (v.text) out.push('', `  > ${mdLine(v.text).replace(/\n/g, '\n  > ')}`, '');
        for (const a of v.areas) {
          out.push(`  - item ${a.area + 1}${a.text ? `: ${mdLine(a.text)}` : ''}`);
          for (const g of a.goals ?? []) out.push(`    - goal: ${goalLine(g)}`);
        }
      });
      out.push('');
    }
  }
  return out.join('\n');
}

function table(phases: PhaseAnswers[]): string {
  const out: string[] = [];
  for (const phase of phases) {
    out.push(`${phase.phaseKey}:`);
    for (const party of phase.parties) {
      const [latest] = party.versions;
      const firstLine = latest!.text.split(/\r?\n/)[0] ?? '';
      const shown = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
      const extra = [...marks(latest!), ...(party.versions.length > 1 ? [`${party.versions.length} versions`] : [])];
      out.push(
        `  ${`${party.partyCode} ${party.partyName}`.slice(0, 30).padEnd(30)} ${helsinkiTime(latest!.at).padEnd(16)} ${shown}${extra.length ? ` (${extra.join(', ')})` : ''}`,
      );
    }
  }
  return out.join('\n');
}

export function formatAnswers(
  rows: AnswerRow[],
  format: AnswerFormat,
  language: Language = 'en',
  agenda: AgendaEntry[] = [],
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(groupAnswers(rows), null, 2);
    case 'csv':
      return csv(rows, language, agenda);
    case 'md':
      return markdown(groupAnswers(rows));
    case 'table':
      return rows.length ? table(groupAnswers(rows)) : 'No answers yet.';
  }
}
