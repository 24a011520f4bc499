// A chart as a Word document holds it: the SVG, with a PNG of it for programs that show no SVG, drawn by resvg with
// the fonts Sopu ships (pdfmake's Roboto), so the image looks the same on every machine; its size on the page; and its
// text alternative, which the document carries both as the image's description and as text under it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { GoalChart } from './goal-chart';

const ROBOTO = path.join(path.dirname(createRequire(__filename).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

export interface ChartImage {
  svg: Buffer;
  png: Buffer;
  /** Pixels at 96 to the inch, as docx sizes an image. */
  width: number;
  height: number;
}

/** Widest a chart is drawn in a document: the text width of an A4 page. */
const MAX_WIDTH = 600;

export function chartImage(svg: string): ChartImage {
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [path.join(ROBOTO, 'Roboto-Regular.ttf')], defaultFontFamily: 'Roboto' },
  }).render();
  const scale = Math.min(1, MAX_WIDTH / (png.width / 2));
  return {
    svg: Buffer.from(svg),
    png: png.asPng(),
    width: Math.round((png.width / 2) * scale),
    height: Math.round((png.height / 2) * scale),
  };
}

/** The chart in a document: the image (described by the text alternative), its sentences, and, where `table` is
 * asked for, its figures as a table. */
export function chartParagraphs(chart: GoalChart, options: { table: boolean }): (Paragraph | Table)[] {
  const image = chartImage(chart.svg);
  const description = [chart.caption, ...chart.sentences].join(' ');
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: image.svg,
          fallback: { type: 'png', data: image.png },
          transformation: { width: image.width, height: image.height },
          altText: { name: chart.caption.slice(0, 200), title: chart.caption, description },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: chart.sentences.join(' '), italics: true })] }),
    ...(options.table
      ? [
          new Table({
            width: { size: 60, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: chart.table.header.map((h) => cell(h, true)) }),
              ...chart.table.rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
            ],
          }),
        ]
      : []),
  ];
}
