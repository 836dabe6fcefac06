import { stringify } from 'csv-stringify/sync';
import { guardCsvFormula } from '../common/csv-formula-guard.util.js';
import type { CommsLogEntry } from './comms-log-entry.entity.js';

// C2: what an admin reconciles against the provider's bill, in a fixed order.
const COLUMNS = [
  'id',
  'createdAt',
  'direction',
  'kind',
  'status',
  'skipReason',
  'channel',
  'recipientPhone',
  'senderPhone',
  'segments',
  'encoding',
  'attempts',
  'providerMessageId',
  'errorCode',
  'errorReason',
  'scheduledFor',
  'sentAt',
  'deliveredAt',
  'failedAt',
  'participantId',
  'employeeId',
  'studyId',
  'sessionId',
  'bookingId',
  'body',
] as const satisfies readonly (keyof CommsLogEntry)[];

/** A header row and one row per entry, in the order given; timestamps in ISO 8601 (UTC). */
export function commsLogCsv(entries: CommsLogEntry[]): string {
  const rows = entries.map((entry) =>
    COLUMNS.map((column) => {
      const value: unknown = entry[column];
      if (value == null) return '';
      return guardCsvFormula(value instanceof Date ? value.toISOString() : String(value));
    }),
  );
  return stringify([[...COLUMNS], ...rows]);
}
