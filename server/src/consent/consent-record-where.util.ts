import { normalisePhone } from '../common/phone.util.js';
import { badInput } from '../common/tock-error.js';
import type { ConsentRecordFilter } from './dtos/consent-record.filter.js';

export interface SqlWhere {
  where: string;
  params: Record<string, unknown>;
}

// K5/K6: the filter as one WHERE clause on alias `r`, always inside the
// caller's workspace. Equality filters lead with the (workspaceId, subject… / phone, id)
// indexes so the newest-first page reads an index range.
export function consentRecordWhere(workspaceId: string, filter: ConsentRecordFilter, defaultCountry: string): SqlWhere {
  const conditions = ['r.workspaceId = :workspaceId'];
  const params: Record<string, unknown> = { workspaceId };
  const equal = (property: string, value: unknown) => {
    conditions.push(`r.${property} = :${property}`);
    params[property] = value;
  };
  if (filter.subjectType) equal('subjectType', filter.subjectType);
  if (filter.subjectId) equal('subjectId', filter.subjectId);
  // A5: a bad number is a field error, not an empty result.
  if (filter.phone != null) equal('phone', normalisePhone(filter.phone, defaultCountry, 'filter.phone'));
  if (filter.action) equal('action', filter.action);
  if (filter.source) equal('source', filter.source);
  if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
    throw badInput('filter.to', '`to` must be later than `from`');
  }
  if (filter.from) {
    conditions.push('r.createdAt >= :from');
    params.from = filter.from;
  }
  if (filter.to) {
    conditions.push('r.createdAt < :to');
    params.to = filter.to;
  }
  return { where: conditions.join(' AND '), params };
}
