// The goals register as a Word document: per agenda item, a table of every party's goals from its latest answer in
// each phase — what the county and the municipalities committed to, to be published and followed up — with each
// column named in the document's language, on landscape pages so the columns fit.
import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnswerRow } from '../db/answers';
import { agendaName } from '../core/domain/cycle-templates';
import type { AgendaEntry } from '../core/contracts';
import { goalsRegister, helsinkiTime } from './answers';
import { CSV_WORDS } from './csv-words';
import { chartParagraphs, type DocumentChart } from './charts/chart-image';
import { chartKey } from './charts/document-charts';
import { SUMMARY_WORDS, type SummaryLanguage } from './statement-summary';

type RegisterGoal = ReturnType<typeof goalsRegister>[number];

/** The columns, by their place among the register's CSV headers (client/csv-words.ts), and what each cell holds. */
const COLUMNS: [number, (g: RegisterGoal, phase: (key: string) => string) => string][] = [
  [2, (g) => `${g.partyCode} ${g.partyName}`],
  [0, (g, phase) => phase(g.phaseKey)],
  [4, (g) => g.goal],
  [5, (g) => g.measure ?? ''],
  [6, (g) => g.indicator ?? ''],
  [7, (g) => g.baseline ?? ''],
  [8, (g) => g.target ?? ''],
  [9, (g) => (g.targetYear ? String(g.targetYear) : '')],
  [10, (g) => g.responsible ?? ''],
  [11, (g) => g.partyPerson ?? ''],
  [12, (g) => g.countyPerson ?? ''],
];

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function goalsRegisterDocument(options: {
  title: string;
  agenda: AgendaEntry[];
  rows: AnswerRow[];
  language: SummaryLanguage;
  /** Each goal's chart, by party and goal (charts/document-charts.ts): drawn under its agenda item's table. */
  charts?: Map<string, DocumentChart>;
  now?: Date;
}): Promise<Buffer> {
  const w = SUMMARY_WORDS[options.language];
  const headers = CSV_WORDS[options.language].goals;
  const goals = goalsRegister(options.rows, options.agenda, options.language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${w.register}: ${options.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w.made(helsinkiTime(options.now ?? new Date())) }),
  ];
  if (!goals.length) children.push(new Paragraph({ text: w.noGoals }));
  // Agenda order, then phase and party as the register lists them.
  const named = options.agenda.map((item) => agendaName(item, options.language));
  const areas = [...new Set([...named, ...goals.map((g) => g.area)])].filter((a) => goals.some((g) => g.area === a));
  for (const area of areas) {
    children.push(
      new Paragraph({ text: area, heading: HeadingLevel.HEADING_1 }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          // Repeated at the top of every page the table runs onto.
          new TableRow({ tableHeader: true, children: COLUMNS.map(([at]) => cell(headers[at] ?? '', true)) }),
          ...goals
            .filter((g) => g.area === area)
            .map((g) => new TableRow({ children: COLUMNS.map(([, value]) => cell(value(g, w.phase))) })),
        ],
      }),
    );
    for (const g of goals.filter((x) => x.area === area)) {
      const chart = options.charts?.get(chartKey(g.partyCode, g.goal));
      if (!chart) continue;
      children.push(
        new Paragraph({ text: `${g.partyCode} ${g.partyName}: ${g.goal}`, heading: HeadingLevel.HEADING_2 }),
        ...chartParagraphs(chart, { table: true }),
      );
    }
  }
  return Packer.toBuffer(
    new Document({
      title: `${w.register}: ${options.title}`,
      sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
    }),
  );
}
