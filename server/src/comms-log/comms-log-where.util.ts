import { normalisePhone } from '../common/phone.util.js';
import { SqlWhereBuilder, type SqlWhere } from '../db/sql-where.builder.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';

// L1/K6: the filter as one WHERE clause on alias `e`, always inside the
// caller's workspace. Status, kind, skip reason and recipient equalities match
// the (workspaceId, <column>, id) indexes, so a newest-first page is an index range.
export function commsLogWhere(workspaceId: string, filter: CommsLogFilter, defaultCountry: string): SqlWhere {
  return (
    new SqlWhereBuilder('e', workspaceId)
      .equal('kind', filter.kind)
      .equal('status', filter.status)
      .equal('skipReason', filter.skipReason)
      // A5: a bad number is a field error, not an empty result.
      .equal('recipientPhone', filter.recipient != null ? normalisePhone(filter.recipient, defaultCountry, 'filter.recipient') : null)
      .equal('direction', filter.direction)
      .equal('participantId', filter.participantId)
      .equal('employeeId', filter.employeeId)
      .equal('bookingId', filter.bookingId)
      .createdBetween(filter.from, filter.to)
      .build()
  );
}
