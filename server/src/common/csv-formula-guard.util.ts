// K5: a spreadsheet that opens the export must not run a cell as a formula
// (CSV injection), so a cell starting with = + - @ (or tab / carriage return)
// gets a leading apostrophe. An E.164 number starts with + but is digits only,
// which no spreadsheet can run, so it stays exactly as stored.
export function guardCsvFormula(cell: string): string {
  if (/^\+\d{1,15}$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
