// The final agreement as a PDF a board files as it is: the final version rendered with its structure (a PDF final
// version keeps its own pages), followed by the certificate of completion in each of the cycle's languages, set in an
// embedded Unicode font (Roboto, shipped with pdfmake), with the title, language and dates in the metadata.
// pdfmake lays the pages out; pdf-lib joins them with a PDF final version's and writes fixed metadata, so the same
// input gives the same bytes (a retried activity issues the same file).
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDFDocument } from 'pdf-lib';
import type { AgreementInput } from '../../core/contracts';
import { CERTIFICATE_WORDS } from './certificate-words';
import { certificate } from './certificate';
import { draftContent } from './draft-content';

const FONTS = path.join(path.dirname(createRequire(__filename).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONTS, 'Roboto-Regular.ttf'),
    bold: path.join(FONTS, 'Roboto-Medium.ttf'),
    italics: path.join(FONTS, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONTS, 'Roboto-MediumItalic.ttf'),
  },
});
// A draft is the parties' content: nothing in it may make the renderer read a file or fetch a URL.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONTS);

const STYLES: TDocumentDefinitions['styles'] = {
  h1: { fontSize: 18, bold: true, margin: [0, 6, 0, 8] },
  h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 6] },
  h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
  h4: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
  h5: { fontSize: 10, bold: true, italics: true, margin: [0, 4, 0, 2] },
  h6: { fontSize: 10, italics: true, margin: [0, 4, 0, 2] },
  paragraph: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  table: { margin: [0, 2, 0, 8], fontSize: 9 },
  field: { margin: [0, 0, 0, 3] },
  small: { fontSize: 8, margin: [0, 10, 0, 0] },
};

export async function agreementPdf(input: AgreementInput): Promise<Buffer> {
  const [main] = input.languages;
  const ownPages = input.document.original?.mediaType === 'application/pdf';
  const body: Content[] = ownPages ? [] : await draftContent(input.document);
  const certificates = input.languages.map((language, i) => ({
    stack: certificate(input, language),
    ...(i > 0 || body.length ? { pageBreak: 'before' as const } : {}),
  }));
  const issued = new Date(input.issuedAt);
  const laidOut = await pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 56],
      defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
      styles: STYLES,
      content: [...body, ...certificates],
      footer: (page: number, pages: number) => ({
        // Without words: the same footer under every language's pages.
        text: `${input.cycleId} · ${page}/${pages}`,
        alignment: 'center',
        fontSize: 8,
        margin: [0, 20, 0, 0],
      }),
      info: { creationDate: issued },
    })
    .getBuffer();

  const pdf = await PDFDocument.create();
  if (ownPages) {
    const original = await PDFDocument.load(input.document.original!.bytes, { ignoreEncryption: true });
    for (const page of await pdf.copyPages(original, original.getPageIndices())) pdf.addPage(page);
  }
  const rest = await PDFDocument.load(laidOut);
  for (const page of await pdf.copyPages(rest, rest.getPageIndices())) pdf.addPage(page);
  pdf.setTitle(`${input.title[main!]} – ${CERTIFICATE_WORDS[main!].heading}`, { showInWindowTitleBar: true });
  pdf.setSubject(`${input.document.title} (${input.document.version}) · ${input.cycleId}`);
  pdf.setKeywords([input.cycleId, input.document.sha256, ...(input.diaryNumber ? [input.diaryNumber] : [])]);
  pdf.setLanguage(main === 'sv' ? 'sv-FI' : main === 'en' ? 'en' : 'fi-FI');
  pdf.setProducer('Sopu');
  pdf.setCreator('Sopu');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
