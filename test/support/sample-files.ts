// Real files of every format Sopu takes, made by the libraries that write them (docx, pdf-lib, fflate), so tests
// upload what people upload.
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow } from 'docx';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function docxFile(paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] }));
}

/** What a county writes in its final Word version, with Finnish and Swedish letters and a dash. */
export const AGREEMENT_DRAFT = {
  heading: 'Yhteistyösopimus 2027 – Borgå ja Askola',
  bullets: ['Liikunta ja uintitaitoa parannetaan', 'Yksinäisyyden ehkäisy – åldringar'],
  table: [
    ['Tavoite', 'Mittari', 'Tavoitearvo'],
    ['Uimataito', 'Uimataitoisten osuus', '95 %'],
  ],
  afterBreak: 'Allekirjoitukset',
};

/** A Word draft as a county writes one: a heading, a bulleted list, a table with a header row, and a page break. */
export async function structuredDocx(d: {
  heading: string;
  bullets: string[];
  table: string[][];
  afterBreak: string;
}): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ text })] });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: d.heading, heading: HeadingLevel.HEADING_1 }),
            ...d.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
            new Table({ rows: d.table.map((row) => new TableRow({ children: row.map(cell) })) }),
            new Paragraph({ children: [new PageBreak()] }),
            new Paragraph({ text: d.afterBreak }),
          ],
        },
      ],
    }),
  );
}

export async function pdfFile(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  return Buffer.from(await pdf.save());
}

export function odtFile(paragraphs: string[]): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${paragraphs.map((p) => `<text:p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text:p>`).join('')}</office:text></office:body></office:document-content>`;
  // The mimetype entry comes first and uncompressed, as ODF requires.
  return Buffer.from(
    zipSync(
      {
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': strToU8(content),
        'META-INF/manifest.xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        ),
      },
      { level: 6 },
    ),
  );
}

export function xlsxFile(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
    }),
  );
}

/** A 1×1 PNG. */
export const pngFile = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

/** The start of a JPEG (SOI and a JFIF header). */
export const jpegFile = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64)]);

/** A Word file that unpacks to `megabytes` of zeros from a few hundred kilobytes: a "zip bomb", made as a stream so
 * the test never holds what it unpacks to. */
export function docxBomb(megabytes: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const types = new ZipPassThrough('[Content_Types].xml');
  zip.add(types);
  types.push(new TextEncoder().encode('<Types/>'), true);
  const document = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(document);
  const chunk = new Uint8Array(1_048_576);
  for (let i = 0; i < megabytes; i++) document.push(chunk, false);
  document.push(new Uint8Array(0), true);
  zip.end();
  return Buffer.concat(parts);
}
