// The goals register as a Word document: per agenda item, every party's goals from its latest answer in each phase —
// what the county and the municipalities committed to, to be published and followed up.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { AnswerRow } from '../db/answers';
import { agendaName } from '../core/domain/cycle-templates';
import type { AgendaEntry } from '../core/contracts';
import { goalLine, goalsRegister, helsinkiTime } from './answers';
import { SUMMARY_WORDS, type SummaryLanguage } from './statement-summary';

export async function goalsRegisterDocument(options: {
  title: string;
  agenda: AgendaEntry[];
  rows: AnswerRow[];
  language: SummaryLanguage;
  now?: Date;
}): Promise<Buffer> {
  const w = SUMMARY_WORDS[options.language];
  const goals = goalsRegister(options.rows, options.agenda, options.language);
  const children: Paragraph[] = [
    new Paragraph({ text: `${w.register}: ${options.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w.made(helsinkiTime(options.now ?? new Date())) }),
  ];
  if (!goals.length) children.push(new Paragraph({ text: w.noGoals }));
  // Agenda order, then phase and party as the register lists them.
  const named = options.agenda.map((item) => agendaName(item, options.language));
  const areas = [...new Set([...named, ...goals.map((g) => g.area)])].filter((a) => goals.some((g) => g.area === a));
  for (const area of areas) {
    children.push(new Paragraph({ text: area, heading: HeadingLevel.HEADING_1 }));
    let party = '';
    for (const goal of goals.filter((g) => g.area === area)) {
      const heading = `${goal.partyCode} ${goal.partyName} (${w.phase(goal.phaseKey)})`;
      if (heading !== party) children.push(new Paragraph({ text: (party = heading), heading: HeadingLevel.HEADING_2 }));
      children.push(new Paragraph({ text: goalLine(goal), bullet: { level: 0 } }));
    }
  }
  return Packer.toBuffer(new Document({ title: `${w.register}: ${options.title}`, sections: [{ children }] }));
}
