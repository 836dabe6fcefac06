import { stringify } from 'csv-stringify/sync';
import type { ConsentRecord } from './consent-record.entity.js';
import { guardCsvFormula } from '../common/csv-formula-guard.util.js';

// K5: every stored field, in a fixed order, so exports from different days line up.
const COLUMNS = [
  'id',
  'createdAt',
  'workspaceId',
  'subjectType',
  'subjectId',
  'phone',
  'action',
  'source',
  'studyId',
  'sessionId',
  'bookingId',
  'disclosureVersion',
  'disclosureText',
  'ipAddress',
  'userAgent',
  'actorApiKeyId',
  'actorLabel',
  'attestation',
  'keyword',
] as const satisfies readonly (keyof ConsentRecord)[];

/** A header row and one row per record, in the order given; timestamps in ISO 8601 (UTC). */
export function consentRecordsCsv(records: ConsentRecord[]): string {
  const rows = records.map((record) =>
    COLUMNS.map((column) => {
      const value: unknown = record[column];
      if (value == null) return '';
      return guardCsvFormula(value instanceof Date ? value.toISOString() : String(value));
    }),
  );
  return stringify([[...COLUMNS], ...rows]);
}
