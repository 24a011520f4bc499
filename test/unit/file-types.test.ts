import { describe, expect, it } from 'vitest';
import { ATTACHMENT_FORMATS, checkFile, DRAFT_FORMATS, FileRefused } from '../../core/domain/file-types';
import { docxFile, jpegFile, odtFile, pdfFile, pngFile, xlsxFile } from '../support/sample-files';

const MB = 1_048_576;

async function refusal(name: string, bytes: Buffer, allowed = ATTACHMENT_FORMATS, max = 25 * MB) {
  try {
    await checkFile({ name, bytes }, allowed, max);
  } catch (err) {
    expect(err).toBeInstanceOf(FileRefused);
    return (err as FileRefused).problem;
  }
  throw new Error(`${name} was accepted`);
}

describe('file types, by content', () => {
  it('takes every format it names, and reads the text of the drafts', async () => {
    const docx = await checkFile(
      { name: 'Luonnos.DOCX', bytes: await docxFile(['Ensimmäinen', 'Toinen']) },
      DRAFT_FORMATS,
      MB,
    );
    expect(docx).toMatchObject({ format: 'docx', text: expect.stringContaining('Ensimmäinen') });
    const odt = await checkFile(
      { name: 'luonnos.odt', bytes: odtFile(['Yhteistyö & työnjako', 'Seuranta']) },
      DRAFT_FORMATS,
      MB,
    );
    expect(odt.text).toBe('Yhteistyö & työnjako\nSeuranta');
    expect((await checkFile({ name: 'l.pdf', bytes: await pdfFile(['Sopimus']) }, DRAFT_FORMATS, MB)).format).toBe(
      'pdf',
    );
    expect((await checkFile({ name: 'l.md', bytes: Buffer.from('# Otsikko') }, DRAFT_FORMATS, MB)).text).toBe(
      '# Otsikko',
    );
    expect((await checkFile({ name: 'taulukko.xlsx', bytes: xlsxFile() }, ATTACHMENT_FORMATS, MB)).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await checkFile({ name: 'kuva.png', bytes: pngFile() }, ATTACHMENT_FORMATS, MB)).format).toBe('png');
    expect((await checkFile({ name: 'kuva.jpg', bytes: jpegFile() }, ATTACHMENT_FORMATS, MB)).format).toBe('jpeg');
  });

  it('refuses a file whose content is not what its name says', async () => {
    expect(await refusal('raportti.pdf', pngFile())).toEqual({ kind: 'mismatch', named: 'PDF', actual: 'PNG' });
    expect(await refusal('paatos.docx', await pdfFile(['x']))).toEqual({
      kind: 'mismatch',
      named: 'Word (DOCX)',
      actual: 'PDF',
    });
    expect(await refusal('luonnos.md', await docxFile(['x']), DRAFT_FORMATS)).toEqual({
      kind: 'mismatch',
      named: 'Markdown',
      actual: 'Word (DOCX)',
    });
    expect(await refusal('skripti.exe', Buffer.from('MZ'))).toMatchObject({ kind: 'not-allowed' });
    expect(await refusal('luonnos.md', Buffer.from('x'), ATTACHMENT_FORMATS)).toMatchObject({ kind: 'not-allowed' });
  });

  it('refuses a corrupt DOCX, ODT or PDF, an empty file and an oversized one', async () => {
    const docx = await docxFile(['x']);
    expect(await refusal('rikki.docx', docx.subarray(0, docx.length - 200))).toMatchObject({
      kind: expect.stringMatching(/corrupt|mismatch/),
    });
    const broken = Buffer.from(docx);
    // Damaged deflate data in the middle: the ZIP directory is intact, its entries do not inflate.
    broken.fill(0x55, Math.floor(broken.length / 3), Math.floor(broken.length / 3) + 256);
    expect((await refusal('vioittunut.docx', broken)).kind).toMatch(/corrupt|mismatch/);
    expect(await refusal('rikki.pdf', Buffer.from('%PDF-1.7\nnot really a pdf'))).toMatchObject({
      kind: 'corrupt',
      format: 'PDF',
    });
    expect(await refusal('tyhja.pdf', Buffer.alloc(0))).toEqual({ kind: 'empty' });
    expect(await refusal('katkennut.odt', odtFile(['x']).subarray(0, 60), DRAFT_FORMATS)).toMatchObject({
      kind: 'corrupt',
      format: 'OpenDocument (ODT)',
    });
    expect(await refusal('iso.png', Buffer.concat([pngFile(), Buffer.alloc(2 * MB)]), ATTACHMENT_FORMATS, MB)).toEqual({
      kind: 'too-large',
      maxBytes: MB,
    });
    expect(await refusal('latin1.md', Buffer.from([0x70, 0xe4, 0xe4]), DRAFT_FORMATS)).toMatchObject({
      kind: 'corrupt',
    });
  });
});
