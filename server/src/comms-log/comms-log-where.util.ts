import { normalisePhone } from '../common/phone.util.js';
import { SqlWhereBuilder, type SqlWhere } from '../db/sql-where.builder.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';

// Something typed like a phone number: digits with the usual separators, at least seven digits.
const PHONE_LIKE = /^\+?[\d\s().-]+$/;
const digitCount = (text: string): number => text.replace(/\D/g, '').length;

/** C2: a search that is not a phone number names people; the service resolves it to their ids first. */
export function peopleSearch(filter: CommsLogFilter): string | null {
  const search = filter.search?.trim();
  if (!search || (PHONE_LIKE.test(search) && digitCount(search) >= 7)) return null;
  return search;
}

/** The participants and employees a people search matched, inside the workspace. */
export interface MatchedPeople {
  participantIds: string[];
  employeeIds: string[];
}

// Equalities that have a (workspaceId, <column>, id) index, most selective
// first: a newest-first page reads the first one's index backwards and stops
// after a page. Without one it reads (workspaceId, id). MariaDB otherwise
// intersects two of them and sorts, which costs seconds at a million rows.
const INDEXED_EQUALITIES = ['recipientPhone', 'participantId', 'employeeId', 'bookingId', 'sessionId', 'studyId', 'skipReason', 'kind', 'status'] as const;

interface CommsLogWhere extends SqlWhere {
  /** The columns of the index the page should read, or null to let the database choose. */
  indexColumns: string[] | null;
}

// L1/K6: the filter as one WHERE clause on alias `e`, always inside the
// caller's workspace.
export function commsLogWhere(workspaceId: string, filter: CommsLogFilter, defaultCountry: string, people?: MatchedPeople): CommsLogWhere {
  const equal: Partial<Record<(typeof INDEXED_EQUALITIES)[number] | 'direction' | 'errorCode', unknown>> = {
    kind: filter.kind,
    status: filter.status,
    skipReason: filter.skipReason,
    // A5: a bad number is a field error, not an empty result.
    recipientPhone: filter.recipient != null ? normalisePhone(filter.recipient, defaultCountry, 'filter.recipient') : null,
    direction: filter.direction,
    participantId: filter.participantId,
    employeeId: filter.employeeId,
    bookingId: filter.bookingId,
    studyId: filter.studyId,
    sessionId: filter.sessionId,
    // L6: e.g. INTERRUPTED, the texts whose fate is unknown, for review.
    errorCode: filter.errorCode,
  };
  const builder = new SqlWhereBuilder('e', workspaceId);
  for (const [column, value] of Object.entries(equal)) builder.equal(column, value);
  builder.createdBetween(filter.from, filter.to);

  let indexColumn: string | null = INDEXED_EQUALITIES.find((column) => equal[column] != null && equal[column] !== '') ?? 'id';
  const search = filter.search?.trim();
  if (search && !peopleSearch(filter)) {
    // A phone in any format is the recipient's number; its own parameter, since a recipient filter may name one too.
    builder.condition('e.recipientPhone = :searchPhone', { searchPhone: normalisePhone(search, defaultCountry, 'filter.search') });
    indexColumn = 'recipientPhone';
  } else if (search) {
    const { participantIds, employeeIds } = people ?? { participantIds: [], employeeIds: [] };
    const either = [
      ...(participantIds.length ? ['e.participantId IN (:...searchParticipants)'] : []),
      ...(employeeIds.length ? ['e.employeeId IN (:...searchEmployees)'] : []),
    ];
    // Nobody matched: nothing can, said without a query that reads rows.
    builder.condition(either.length ? `(${either.join(' OR ')})` : '1 = 0', {
      ...(participantIds.length ? { searchParticipants: participantIds } : {}),
      ...(employeeIds.length ? { searchEmployees: employeeIds } : {}),
    });
    // One list reads its own index (a range per person, then a small sort);
    // over both columns the database's union of the two indexes is the better plan.
    if (indexColumn === 'id') indexColumn = employeeIds.length === 0 ? 'participantId' : participantIds.length === 0 ? 'employeeId' : null;
  }
  const built = builder.build();
  return { ...built, indexColumns: indexColumn ? ['workspaceId', indexColumn, ...(indexColumn === 'id' ? [] : ['id'])] : null };
}
