// The party directory as the spreadsheets counties keep: read from XLSX (its first sheet) or CSV, and written as XLSX
// in the reader's language, as an empty template or as an export of a county's parties. Codes are text cells, so
// a spreadsheet never turns 018 into 18.
import ExcelJS from 'exceljs';
import type { Language } from '../core/contracts';
import {
  sheetRows,
  type DirectoryColumn,
  type DirectoryEntry,
  type DirectoryProblem,
} from '../core/domain/directory-rows';
import { DIRECTORY_SHEET_WORDS } from '../core/domain/directory-words';
import { csvCells } from '../db/directory';

type SheetRows = ReturnType<typeof sheetRows>;

const unreadable = (format: 'CSV' | 'XLSX'): SheetRows => ({
  rows: [],
  problems: [{ row: 1, field: 'file', key: 'unreadable', format } satisfies DirectoryProblem],
});

/** An XLSX file's first sheet as cells of text, as the spreadsheet shows them (a mailto link as its address). */
async function xlsxCells(bytes: Buffer): Promise<string[][] | null> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return null;
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cell.text ?? ''));
    cells[n - 1] = Array.from(values, (v) => v ?? '');
  });
  return Array.from(cells, (r) => r ?? []);
}

/** A directory file's rows, by its name: .xlsx or .csv. */
export async function readDirectorySheet(bytes: Buffer, name: string): Promise<SheetRows> {
  if (/\.xlsx$/i.test(name)) {
    const cells = await xlsxCells(bytes);
    return cells ? sheetRows(cells) : unreadable('XLSX');
  }
  const cells = csvCells(bytes.toString('utf8'));
  return Array.isArray(cells) ? sheetRows(cells) : unreadable('CSV');
}

const COLUMNS: DirectoryColumn[] = ['party_code', 'name', 'email', 'role', 'language'];

/** The directory as an XLSX in the reader's language: its headers, role words, and the entries given (none: the
 * template). The role column offers its words as a list. */
export async function directoryWorkbook(language: Language, entries: DirectoryEntry[]): Promise<Buffer> {
  const w = DIRECTORY_SHEET_WORDS[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Sopu';
  const sheet = book.addWorksheet(
    language === 'fi' ? 'Osapuolihakemisto' : language === 'sv' ? 'Partskatalog' : 'Directory',
  );
  sheet.columns = COLUMNS.map((c) => ({
    header: w.columns[c],
    key: c,
    width: c === 'email' ? 36 : c === 'name' ? 30 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) sheet.addRow({ ...e, role: w.roles[e.role], language: e.language ?? '' });
  const roles = `"${Object.values(w.roles).join(',')}"`;
  for (let r = 2; r <= Math.max(entries.length + 1, 500); r++) {
    sheet.getCell(r, 4).dataValidation = { type: 'list', allowBlank: false, formulae: [roles] };
    sheet.getCell(r, 1).numFmt = '@';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
