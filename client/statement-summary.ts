// The statement summary (lausuntoyhteenveto / sammanställning av utlåtanden) a secretariat writes the next draft from:
// a Word document, per phase and per party, of what each party said last, with its marks, in Finnish or Swedish.
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type Table } from 'docx';
import type { AnswerRow } from '../db/answers';
import { agendaName } from '../core/domain/cycle-templates';
import { phaseNamed } from '../core/domain/phase-names';
import type { AgendaEntry } from '../core/contracts';
import { areasIn, goalLine, groupAnswers, helsinkiTime } from './answers';
import { chartParagraphs, type DocumentChart } from './charts/chart-image';
import { chartKey } from './charts/document-charts';

export const SUMMARY_LANGUAGES = ['fi', 'sv'] as const;
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];

export const SUMMARY_WORDS = {
  fi: {
    title: 'Lausuntoyhteenveto',
    register: 'Tavoiterekisteri',
    noGoals: 'Tavoitteita ei ole vielä kirjattu.',
    made: (at: string) => `Koottu ${at} Sopusta.`,
    agenda: 'Asialista',
    phase: phaseNamed('Valmistelu', 'Neuvottelukokous', 'Hyväksyntä', 'Lausuntokierros'),
    by: (name: string, email: string, at: string) => `${name} (${email}), ${at}`,
    noComments: 'Ei lausuttavaa.',
    late: 'myöhässä',
    onBehalf: (by: string) => `kirjattu osapuolen puolesta: ${by}`,
    approved: 'hyväksytty',
    rejected: 'hylätty',
    earlier: (n: number) => `Aiempia versioita: ${n}.`,
    none: 'Ei vastauksia.',
    noAnswer: 'Ei vastausta.',
    attachments: (names: string) => `Liitteet: ${names}`,
    goal: 'Tavoite',
  },
  sv: {
    title: 'Sammanställning av utlåtanden',
    register: 'Målregister',
    noGoals: 'Inga mål har ännu registrerats.',
    made: (at: string) => `Sammanställd ${at} i Sopu.`,
    agenda: 'Dagordning',
    phase: phaseNamed('Beredning', 'Förhandlingsmöte', 'Godkännande', 'Remissrunda'),
    by: (name: string, email: string, at: string) => `${name} (${email}), ${at}`,
    noComments: 'Inget att yttra.',
    late: 'försenat',
    onBehalf: (by: string) => `registrerat för partens räkning av ${by}`,
    approved: 'godkänt',
    rejected: 'förkastat',
    earlier: (n: number) => `Tidigare versioner: ${n}.`,
    none: 'Inga svar.',
    noAnswer: 'Inget svar.',
    attachments: (names: string) => `Bilagor: ${names}`,
    goal: 'Mål',
  },
} satisfies Record<SummaryLanguage, unknown>;

function marksIn(w: (typeof SUMMARY_WORDS)[SummaryLanguage], row: AnswerRow): string[] {
  return [
    ...(row.kind === 'approved' ? [w.approved] : row.kind === 'rejected' ? [w.rejected] : []),
    ...(row.late ? [w.late] : []),
    ...(row.onBehalfBy ? [w.onBehalf(row.onBehalfBy)] : []),
  ];
}

/** What was said, as paragraphs: each line of the text its own. */
const said = (text: string) => text.split(/\r?\n/).map((line) => new Paragraph({ text: line }));

export async function statementSummary(options: {
  title: string;
  agenda: AgendaEntry[];
  rows: AnswerRow[];
  /** Every party of the cycle: one that did not answer in a phase is named there with "no answer". */
  parties: { code: string; name: string }[];
  language: SummaryLanguage;
  /** Each goal's chart, by party and goal (charts/document-charts.ts): drawn under the goal. */
  charts?: Map<string, DocumentChart>;
  now?: Date;
}): Promise<Buffer> {
  const w = SUMMARY_WORDS[options.language];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${w.title}: ${options.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w.made(helsinkiTime(options.now ?? new Date())) }),
  ];
  if (options.agenda.length) {
    children.push(new Paragraph({ text: w.agenda, heading: HeadingLevel.HEADING_1 }));
    for (const item of options.agenda)
      children.push(new Paragraph({ text: agendaName(item, options.language), bullet: { level: 0 } }));
  }
  const phases = groupAnswers(options.rows);
  if (!phases.length) children.push(new Paragraph({ text: w.none }));
  for (const phase of phases) {
    children.push(new Paragraph({ text: w.phase(phase.phaseKey), heading: HeadingLevel.HEADING_1 }));
    for (const party of phase.parties) {
      const [latest] = party.versions;
      const marks = marksIn(w, latest!);
      children.push(
        new Paragraph({ text: `${party.partyCode} ${party.partyName}`, heading: HeadingLevel.HEADING_2 }),
        new Paragraph({
          children: [
            new TextRun({
              text: w.by(latest!.participantName, latest!.participantEmail, helsinkiTime(latest!.at)),
              italics: true,
            }),
            ...(marks.length ? [new TextRun({ text: ` – ${marks.join(', ')}`, bold: true })] : []),
          ],
        }),
        ...(latest!.kind === 'no_comments' ? [new Paragraph({ text: w.noComments })] : said(latest!.text)),
        ...areasIn(latest!, options.agenda, options.language).flatMap((area) => [
          new Paragraph({ text: area.name, heading: HeadingLevel.HEADING_3 }),
          ...(area.text ? said(area.text) : []),
          ...(area.goals ?? []).flatMap((g) => {
            const chart = options.charts?.get(chartKey(party.partyCode, g.goal));
            return [
              new Paragraph({ text: `${w.goal}: ${goalLine(g)}`, bullet: { level: 0 } }),
              ...(chart ? chartParagraphs(chart, { table: false }) : []),
            ];
          }),
        ]),
        ...(latest!.attachments.length
          ? [new Paragraph({ text: w.attachments(latest!.attachments.map((a) => a.name).join(', ')) })]
          : []),
        ...(party.versions.length > 1 ? [new Paragraph({ text: w.earlier(party.versions.length - 1) })] : []),
      );
    }
    // Silence is part of the record: every party that did not answer in this phase is named with it.
    for (const silent of options.parties.filter((p) => !phase.parties.some((a) => a.partyCode === p.code)))
      children.push(
        new Paragraph({ text: `${silent.code} ${silent.name}`, heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun({ text: w.noAnswer, italics: true })] }),
      );
  }
  return Packer.toBuffer(new Document({ title: `${w.title}: ${options.title}`, sections: [{ children }] }));
}
