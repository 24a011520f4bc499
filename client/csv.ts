// CSV as spreadsheets read it (RFC 4180, CRLF lines), for every export Sopu offers.

/** A spreadsheet reads a cell starting with = + - @ as a formula: such text is kept as text. */
const cell = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const toCsv = (header: string[], rows: string[][]): string =>
  [header, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
