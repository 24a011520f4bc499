// The final agreement as a PDF: the final version (its pages when it was a PDF, else its text), followed by a
// certificate of completion — each party's signatory, decision, decision reference and time, the version's
// SHA-256, and the ledger head with its signed checkpoint — so that any party can check it against the audit export
// without trusting Sopu (docs/audit-format.md). The same input gives the same bytes.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface AgreementInput {
  cycleId: string;
  title: string;
  diaryNumber: string | null;
  issuedAt: string;
  document: { version: number; title: string; sha256: string; text: string; pdf: Buffer | null };
  parties: {
    code: string;
    name: string;
    signatory: string | null;
    decision: 'approved' | 'rejected' | 'no_response';
    decisionReference: string | null;
    reason: string | null;
    at: string | null;
    onBehalfBy: string | null;
  }[];
  ledger: { seq: number; hash: string; checkpoint: { signedAt: string; keyId: string; signature: string } | null };
  keyFingerprint: string | null;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/** The standard fonts write WinAnsi: Finnish and Swedish letters are there; anything else is shown as "?". */
const printable = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff–—‘’“”•€]/g, (c) => (c === '\t' ? '    ' : '?'));

class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** A paragraph wrapped to the page width; long unbroken strings (hashes) are broken where they must be. */
  text(text: string, options: { size?: number; bold?: boolean; gap?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const width = A4[0] - 2 * MARGIN;
    for (const paragraph of printable(text).split(/\r?\n/)) {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) lines.push(line);
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width) {
            let cut = rest.length;
            while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          line = rest;
        }
      }
      lines.push(line);
      for (const l of lines) {
        if (this.y < MARGIN + size) this.newPage();
        this.page.drawText(l, { x: MARGIN, y: this.y - size, size, font });
        this.y -= size * 1.4;
      }
    }
    this.y -= options.gap ?? 4;
  }
}

const DECISION = { approved: 'approved', rejected: 'rejected', no_response: 'no response' } as const;

export async function agreementPdf(input: AgreementInput): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  // Fixed metadata: issuing the agreement again (a retried activity) gives the same bytes.
  const issued = new Date(input.issuedAt);
  pdf.setTitle(`${input.title} – agreement`);
  pdf.setProducer('Sopu');
  pdf.setCreator('Sopu');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  if (input.document.pdf) {
    const original = await PDFDocument.load(input.document.pdf, { ignoreEncryption: true });
    for (const page of await pdf.copyPages(original, original.getPageIndices())) pdf.addPage(page);
  } else {
    const body = new Writer(pdf, font, bold);
    body.text(input.document.title, { size: 16, bold: true, gap: 12 });
    body.text(input.document.text);
  }

  const w = new Writer(pdf, font, bold);
  w.text('Certificate of completion', { size: 16, bold: true });
  w.text('Todistus neuvottelun päättymisestä · Intyg om förhandlingens avslutande', { size: 10, gap: 12 });
  w.text(`Negotiation: ${input.title}`, { bold: true });
  w.text(`Cycle: ${input.cycleId}${input.diaryNumber ? ` · diary number ${input.diaryNumber}` : ''}`);
  w.text(`Issued: ${input.issuedAt}`, { gap: 10 });
  w.text(`Final version ${input.document.version}: ${input.document.title}`, { bold: true });
  w.text(`SHA-256 of the final version as published: ${input.document.sha256}`, { gap: 10 });
  w.text('Decisions of the parties', { size: 12, bold: true });
  for (const p of input.parties) {
    w.text(`${p.code} ${p.name}: ${DECISION[p.decision]}`, { bold: true, gap: 0 });
    const details = [
      p.signatory ? `signatory ${p.signatory}` : null,
      p.decisionReference ? `decision ${p.decisionReference}` : null,
      p.reason ? `reason: ${p.reason}` : null,
      p.at ? `at ${p.at}` : null,
      p.onBehalfBy ? `recorded on behalf by ${p.onBehalfBy}` : null,
    ].filter(Boolean);
    w.text(details.join(' · ') || '–', { gap: 6 });
  }
  w.text('The record', { size: 12, bold: true });
  w.text(`Ledger head: sequence ${input.ledger.seq}, hash ${input.ledger.hash}`);
  if (input.ledger.checkpoint) {
    const c = input.ledger.checkpoint;
    w.text(
      `Signed checkpoint: key ${c.keyId}${input.keyFingerprint ? ` (${input.keyFingerprint})` : ''}, signed ${c.signedAt}`,
    );
    w.text(`Signature (Ed25519, base64): ${c.signature}`);
  }
  w.text(
    "To check: the SHA-256 of the final version and each party's decision are in the cycle's audit export (ledger.jsonl); the ledger line with this sequence has this hash, and the checkpoint's signature verifies with the county's published key (sopu audit verify --fingerprint).",
    { size: 8 },
  );
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
