import Papa from 'papaparse';

/** One employee row for upsertEmployees; `line` is its line in the file (the header is line 1). */
export interface ImportRow {
  line: number;
  id?: string;
  name: string;
  email?: string;
  phone?: string;
  smsOptIn?: boolean;
  attestation?: string;
  timeZone?: string;
  language?: string;
}

/** A row the console or the server refused, by its line in the file. */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

export interface EmployeeCsv {
  rows: ImportRow[];
  problems: RowProblem[];
  /** Which known columns the header has, in file order. */
  columns: string[];
}

// Header spellings people use, to the import's field names.
const COLUMNS: Record<string, keyof Omit<ImportRow, 'line'>> = {
  id: 'id',
  name: 'name',
  'full name': 'name',
  email: 'email',
  'e-mail': 'email',
  phone: 'phone',
  mobile: 'phone',
  'phone number': 'phone',
  'sms opt-in': 'smsOptIn',
  'sms opt in': 'smsOptIn',
  sms_opt_in: 'smsOptIn',
  smsoptin: 'smsOptIn',
  'opted in': 'smsOptIn',
  'consent statement': 'attestation',
  consent_statement: 'attestation',
  attestation: 'attestation',
  'time zone': 'timeZone',
  time_zone: 'timeZone',
  timezone: 'timeZone',
  language: 'language',
};

const YES = new Set(['yes', 'y', 'true', '1', 'on', 'opted in']);
const NO = new Set(['no', 'n', 'false', '0', 'off', 'opted out']);

/**
 * Reads a team CSV (a header row, then one employee a line). A blank cell
 * leaves the stored value as it is. Problems the console can see without the
 * server (no name, an opt-in that is not yes or no) are reported by line;
 * the server checks the rest (phones, emails, zones) row by row.
 */
export function readEmployeeCsv(text: string): EmployeeCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const known = (parsed.meta.fields ?? []).filter((header) => COLUMNS[header]);
  const columns = [...new Set(known.map((header) => COLUMNS[header]))];
  if (!columns.includes('name')) {
    return { rows: [], problems: [{ line: 1, field: 'name', message: 'The file needs a "name" column (a header row first: name, email, phone, sms opt-in, consent statement)' }], columns };
  }
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const row: ImportRow = { line, name: '' };
    for (const header of known) {
      const value = record[header]?.trim() ?? '';
      if (!value) continue;
      const field = COLUMNS[header];
      if (field === 'smsOptIn') {
        const answer = value.toLowerCase();
        if (YES.has(answer)) row.smsOptIn = true;
        else if (NO.has(answer)) row.smsOptIn = false;
        else problems.push({ line, field: 'smsOptIn', message: `"${value.slice(0, 20)}" is not yes or no` });
      } else {
        row[field] = value;
      }
    }
    if (!row.name) problems.push({ line, field: 'name', message: 'Every employee needs a name' });
    if (problems.at(-1)?.line === line) return;
    rows.push(row);
  });
  for (const error of parsed.errors) {
    if (error.row !== undefined && error.code !== 'TooFewFields' && error.code !== 'TooManyFields') problems.push({ line: error.row + 2, field: 'file', message: error.message });
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line), columns };
}
