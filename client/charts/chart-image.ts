// A chart as a Word document holds it: the SVG, with a PNG of it for programs that show no SVG, drawn by resvg with
// the fonts Sopu ships (pdfmake's Roboto), so the image looks the same on every machine; its size on the page; and its
// text alternative, which the document carries both as the image's description and as text under it.
//
// resvg's WebAssembly build, not its native one: each drawing's pixels are freed as soon as its PNG is made. The
// native build's pixels wait for a garbage collection that their size does not prompt (measured: 120 charts held
// 460 MB until one came; `npm run bench:charts`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Chart } from './render';

const resolve = createRequire(__filename).resolve;
const ROBOTO = path.join(path.dirname(resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf');

/** The WebAssembly module and the font, loaded once, when the first chart is drawn. */
let ready: Promise<Uint8Array> | null = null;
const loaded = () =>
  (ready ??= initWasm(readFileSync(resolve('@resvg/resvg-wasm/index_bg.wasm'))).then(
    () => new Uint8Array(readFileSync(ROBOTO)),
  ));

export interface ChartImage {
  svg: Buffer;
  png: Buffer;
  /** Pixels at 96 to the inch, as docx sizes an image. */
  width: number;
  height: number;
}

/** Widest a chart is drawn in a document: the text width of an A4 page. */
const MAX_WIDTH = 600;

export async function chartImage(svg: string): Promise<ChartImage> {
  const font = await loaded();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontBuffers: [font], defaultFontFamily: 'Roboto' },
  });
  const rendered = resvg.render();
  try {
    const scale = Math.min(1, MAX_WIDTH / (rendered.width / 2));
    return {
      svg: Buffer.from(svg),
      png: Buffer.from(rendered.asPng()),
      width: Math.round((rendered.width / 2) * scale),
      height: Math.round((rendered.height / 2) * scale),
    };
  } finally {
    rendered.free();
    resvg.free();
  }
}

/** A chart ready for a document: its image drawn. */
export type DocumentChart = Chart & { image: ChartImage };

export const documentChart = async (chart: Chart): Promise<DocumentChart> => ({
  ...chart,
  image: await chartImage(chart.svg),
});

/** The chart in a document: the image (described by the text alternative), its sentences, and, where `table` is
 * asked for, its figures as a table. */
export function chartParagraphs(chart: DocumentChart, options: { table: boolean }): (Paragraph | Table)[] {
  const { image } = chart;
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
