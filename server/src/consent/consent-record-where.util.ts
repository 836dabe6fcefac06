import { normalisePhone } from '../common/phone.util.js';
import { SqlWhereBuilder, type SqlWhere } from '../db/sql-where.builder.js';
import type { ConsentRecordFilter } from './dtos/consent-record.filter.js';

// K5/K6: the filter as one WHERE clause on alias `r`, always inside the
// caller's workspace. Equality filters lead with the (workspaceId, subject… / phone, id)
// indexes so the newest-first page reads an index range.
export function consentRecordWhere(workspaceId: string, filter: ConsentRecordFilter, defaultCountry: string): SqlWhere {
  return (
    new SqlWhereBuilder('r', workspaceId)
      .equal('subjectType', filter.subjectType)
      .equal('subjectId', filter.subjectId)
      // A5: a bad number is a field error, not an empty result.
      .equal('phone', filter.phone != null ? normalisePhone(filter.phone, defaultCountry, 'filter.phone') : null)
      .equal('action', filter.action)
      .equal('source', filter.source)
      .createdBetween(filter.from, filter.to)
      .build()
  );
}
