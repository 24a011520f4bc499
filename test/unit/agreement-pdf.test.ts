// The agreement PDF read back with PDF.js: a Word final version keeps its heading, list, table and page break, a
// Markdown one its structure, a PDF one its own pages; the certificate follows in Finnish and Swedish with Helsinki
// times, the outcome in words and each party's name in that language; the metadata names it; the bytes are the same
// each time.
import { describe, expect, it } from 'vitest';
import { agreementPdf } from '../../activities/agreement-pdf/agreement-pdf';
import type { AgreementInput } from '../../core/contracts';
import { pdfInfo, pdfLayout, pdfPages } from '../support/pdf-read';
import { AGREEMENT_DRAFT, pdfFile, structuredDocx } from '../support/sample-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function input(original: AgreementInput['document']['original']): Promise<AgreementInput> {
  return {
    cycleId: 'annual-01-2027',
    languages: ['fi', 'sv'],
    title: {
      fi: 'Itä-Uudenmaan hyvinvointialueen HYTE-neuvottelu 2027',
      sv: 'Östra Nylands välfärdsområdes HYTE-förhandling 2027',
      en: 'Eastern Uusimaa HWB negotiation 2027',
    },
    diaryNumber: 'IUHVA/123/2026',
    issuedAt: '2026-12-02T04:57:53.270Z',
    outcome: 'agreed_by_some',
    document: { version: 3, title: 'Sopimus', sha256: 'ab'.repeat(32), text: 'Sopimus\n\nTeksti', original },
    parties: [
      {
        code: '638',
        name: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' },
        signatory: 'Anna Allekirjoittaja <anna@porvoo.example.fi>',
        decision: 'approved',
        decisionReference: 'Kaupunginhallitus 8.3.2027 § 40',
        reason: null,
        at: '2027-03-08T10:15:00.000Z',
        onBehalfBy: null,
      },
      {
        code: '434',
        name: { fi: 'Loviisa', sv: 'Lovisa', en: 'Loviisa' },
        signatory: null,
        decision: 'no_response',
        decisionReference: null,
        reason: null,
        at: null,
        onBehalfBy: null,
      },
    ],
    ledger: {
      seq: 42,
      hash: 'cd'.repeat(32),
      checkpoint: { signedAt: '2027-03-09T12:00:00.000Z', keyId: 'k1', signature: 'c2ln' },
    },
    keyFingerprint: 'SHA256:abc',
  };
}

describe('the agreement PDF', () => {
  it('renders a Word final version with its heading, list, table and page break, then the certificate in Finnish and Swedish', async () => {
    const draft = AGREEMENT_DRAFT;
    const docx = await structuredDocx(draft);
    const pdf = await agreementPdf(await input({ mediaType: DOCX, bytes: docx }));
    const pages = await pdfPages(pdf);
    const [first, second] = pages;
    expect(first![0]).toBe(draft.heading);
    expect(first).toEqual(expect.arrayContaining(draft.bullets));
    // The list's items are indented past their markers; the table's cells start at the margin.
    const layout = (await pdfLayout(pdf))[0]!;
    const x = (text: string) => layout.find((l) => l.text === text)!.x;
    expect(x(draft.bullets[0]!)).toBeGreaterThan(x(draft.heading) + 5);
    expect(x('Tavoite Mittari Tavoitearvo')).toBeLessThan(x(draft.bullets[0]!));
    expect(first).toEqual(
      expect.arrayContaining(['Tavoite Mittari Tavoitearvo', 'Uimataito Uimataitoisten osuus 95 %']),
    );
    // The page break holds: what follows it starts the next page.
    expect(second![0]).toBe(draft.afterBreak);
    const all = pages.map((p) => p.join('\n'));
    const finnish = all.findIndex((p) => p.includes('Todistus neuvottelun päättymisestä'));
    const swedish = all.findIndex((p) => p.includes('Intyg om förhandlingens avslutande'));
    expect(finnish).toBeGreaterThan(1);
    expect(swedish).toBeGreaterThan(finnish);
    expect(all[finnish]).toContain('Päättyi: 2.12.2026 klo 6.57.53');
    expect(all[finnish]).toContain('Tulos: Osa osapuolista hyväksyi');
    expect(all[finnish]).toContain('Porvoo (638) Hyväksyi');
    expect(all[finnish]).toContain('8.3.2027 klo 12.15.00');
    expect(all[finnish]).toContain('Loviisa (434) Ei päätöstä');
    expect(all[swedish]).toContain('Avslutad: 2.12.2026 kl. 6.57.53');
    expect(all[swedish]).toContain('Resultat: En del av parterna godkände');
    expect(all[swedish]).toContain('Borgå (638) Godkände');
    expect(all[swedish]).toContain('Lovisa (434) Inget beslut');
    expect(all[swedish]).toContain('Östra Nylands välfärdsområdes HYTE-förhandling 2027');
    for (const page of all) expect(page).not.toMatch(/[?\uFFFD]{2}|T\d\d:\d\d:\d\d/);
    // The hashes are printed whole, so that they can be compared with the export.
    expect(all.join('\n').replace(/\s/g, '')).toContain('ab'.repeat(32));
    expect(all.join('\n').replace(/\s/g, '')).toContain('cd'.repeat(32));
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: 'Itä-Uudenmaan hyvinvointialueen HYTE-neuvottelu 2027 – Todistus neuvottelun päättymisestä',
      Language: 'fi-FI',
      CreationDate: 'D:20261202045753Z',
    });
    // Issued again (a retried activity): the same bytes.
    expect((await agreementPdf(await input({ mediaType: DOCX, bytes: docx }))).equals(pdf)).toBe(true);
  });

  it('renders Markdown with its structure, and keeps a PDF final version as its own pages', async () => {
    const markdown = '# Sopimus\n\n- yksi\n- kaksi\n\n| A | B |\n| - | - |\n| ä | ö |\n';
    const fromMarkdown = await pdfPages(
      await agreementPdf(await input({ mediaType: 'text/markdown', bytes: Buffer.from(markdown) })),
    );
    expect(fromMarkdown[0]!.slice(0, 5)).toEqual(['Sopimus', 'yksi', 'kaksi', 'A B', 'ä ö']);

    const own = await pdfFile(['Hyvinvointialueen oma sopimus', 'sivu 1']);
    const fromPdf = await pdfPages(await agreementPdf(await input({ mediaType: 'application/pdf', bytes: own })));
    expect(fromPdf[0]).toEqual(['Hyvinvointialueen oma sopimus', 'sivu 1']);
    expect(fromPdf[1]!.join('\n')).toContain('Todistus neuvottelun päättymisestä');
  });
});
