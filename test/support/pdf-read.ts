// A PDF read back by an independent reader, Mozilla's PDF.js: each page's text as lines (what a reader sees, through
// the embedded fonts' Unicode maps), the document's metadata, and each page rendered in Chromium to an image with
// the long horizontal rules on it counted (a table's borders).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
/** The 14 standard fonts a PDF may name without embedding them (a PDF draft made with pdf-lib's Helvetica). */
const standardFontDataUrl = `${path.join(PDFJS, 'standard_fonts')}/`;

type Item = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

/** Each page's lines, top to bottom; pieces of one line are joined with a space where there is a gap between them. */
export async function pdfPages(pdf: Uint8Array): Promise<string[][]> {
  return (await pdfLayout(pdf)).map((page) => page.map((line) => line.text));
}

/** Each page's lines with where each starts from the left edge, in points (a list item is indented). */
export async function pdfLayout(pdf: Uint8Array): Promise<{ text: string; x: number }[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, standardFontDataUrl }).promise;
  const pages: { text: string; x: number }[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.filter((i): i is Item => 'str' in i);
    const rows = new Map<number, Item[]>();
    for (const item of items) {
      if (!item.str) continue;
      const y = Math.round(item.transform[5]!);
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), item]);
    }
    pages.push(
      [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, row]) => {
          row.sort((a, b) => a.transform[4]! - b.transform[4]!);
          let line = '';
          let end = -Infinity;
          for (const item of row) {
            line += item.transform[4]! > end + 1 && line ? ` ${item.str}` : item.str;
            end = item.transform[4]! + item.width;
          }
          return { text: line.replace(/\s+/g, ' ').trim(), x: Math.round(row[0]!.transform[4]!) };
        }),
    );
  }
  await doc.destroy();
  return pages;
}

export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}

/** The page that renders: PDF.js's own build, as a browser loads it, and a rule counter over each rendered page. A
 * string, not a function, so that the test runner's transforms never touch it. */
const RENDERER = `<!doctype html><script type="module">
import * as pdfjs from 'http://pdf.test/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf.test/pdf.worker.mjs';
window.renderPdf = async (data) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    const context = canvas.getContext('2d');
    await page.render({ canvasContext: context, viewport, canvas }).promise;
    const { data: pixels, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    // A rule: a pixel row where dark pixels run unbroken over a third of the page's width.
    let rules = 0;
    let previous = false;
    for (let y = 0; y < height; y++) {
      let run = 0;
      let longest = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        run = pixels[i] + pixels[i + 1] + pixels[i + 2] < 384 && pixels[i + 3] > 128 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      const rule = longest > width / 3;
      if (rule && !previous) rules++;
      previous = rule;
    }
    out.push({ png: canvas.toDataURL('image/png').split(',')[1], rules });
  }
  return out;
};
</script>`;

/** Each page rendered by PDF.js in Chromium: the image, and how many long horizontal rules it shows. */
export async function renderPdf(browser: Browser, pdf: Uint8Array): Promise<{ png: Buffer; rules: number }[]> {
  const page = await browser.newPage();
  try {
    await page.route('http://pdf.test/**', (route) => {
      const file = new URL(route.request().url()).pathname.slice(1);
      return file
        ? route.fulfill({
            contentType: 'text/javascript',
            body: readFileSync(path.join(PDFJS, 'build', path.basename(file))),
          })
        : route.fulfill({ contentType: 'text/html', body: RENDERER });
    });
    await page.goto('http://pdf.test/');
    await page.waitForFunction('typeof window.renderPdf === "function"');
    const rendered = (await page.evaluate(`renderPdf(${JSON.stringify(Buffer.from(pdf).toString('base64'))})`)) as {
      png: string;
      rules: number;
    }[];
    return rendered.map((r) => ({ png: Buffer.from(r.png, 'base64'), rules: r.rules }));
  } finally {
    await page.close();
  }
}
