import { normalisePhone } from '../common/phone.util.js';
import { badInput } from '../common/tock-error.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';

export interface SqlWhere {
  where: string;
  params: Record<string, unknown>;
}

// L1/K6: the filter as one WHERE clause on alias `e`, always inside the
// caller's workspace. Status, kind, skip reason and recipient equalities match
// the (workspaceId, <column>, id) indexes, so a newest-first page is an index range.
export function commsLogWhere(workspaceId: string, filter: CommsLogFilter, defaultCountry: string): SqlWhere {
  const conditions = ['e.workspaceId = :workspaceId'];
  const params: Record<string, unknown> = { workspaceId };
  const equal = (property: string, value: unknown) => {
    conditions.push(`e.${property} = :${property}`);
    params[property] = value;
  };
  if (filter.kind) equal('kind', filter.kind);
  if (filter.status) equal('status', filter.status);
  if (filter.skipReason) equal('skipReason', filter.skipReason);
  // A5: a bad number is a field error, not an empty result.
  if (filter.recipient != null) equal('recipientPhone', normalisePhone(filter.recipient, defaultCountry, 'filter.recipient'));
  if (filter.direction) equal('direction', filter.direction);
  if (filter.participantId) equal('participantId', filter.participantId);
  if (filter.employeeId) equal('employeeId', filter.employeeId);
  if (filter.bookingId) equal('bookingId', filter.bookingId);
  if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
    throw badInput('filter.to', '`to` must be later than `from`');
  }
  if (filter.from) {
    conditions.push('e.createdAt >= :from');
    params.from = filter.from;
  }
  if (filter.to) {
    conditions.push('e.createdAt < :to');
    params.to = filter.to;
  }
  return { where: conditions.join(' AND '), params };
}
