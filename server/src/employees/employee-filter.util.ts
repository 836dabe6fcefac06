import type { ObjectLiteral, SelectQueryBuilder, UpdateQueryBuilder } from 'typeorm';
import type { EmployeeFilter } from './dtos/employee.inputs.js';

type WhereBuilder<T extends ObjectLiteral> = SelectQueryBuilder<T> | UpdateQueryBuilder<T>;

// '!' rather than backslash: the one LIKE escape written the same on MySQL and SQLite.
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

// The employees of one workspace (A2) that match a filter. Shared by the list
// query and the bulk opt-in scope, so "what the admin saw" is "what bulk changes";
// parameters are prefixed so that callers can add their own beside them.
// `alias` is the select's alias, or null for an UPDATE (TypeORM names columns
// of an update bare).
export function whereEmployeeMatches<QB extends WhereBuilder<ObjectLiteral>>(
  qb: QB,
  alias: string | null,
  workspaceId: string,
  filter: EmployeeFilter | null | undefined,
): QB {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  qb.where(`${col('workspaceId')} = :efWorkspaceId`, { efWorkspaceId: workspaceId });
  if (filter?.search) {
    const search = filter.search.trim();
    // Typed like (part of) a phone number: its digits inside the stored E.164 number.
    const digits = /^\+?[\d\s().-]+$/.test(search) ? search.replace(/\D/g, '') : '';
    const phone = digits.length >= 4 ? ` OR ${col('phone')} LIKE :efPhone` : '';
    qb.andWhere(`(${col('name')} LIKE :efSearch ESCAPE '!' OR ${col('email')} LIKE :efSearch ESCAPE '!'${phone})`, {
      efSearch: containsPattern(search),
      ...(phone ? { efPhone: `%${digits}%` } : {}),
    });
  }
  if (filter?.hasPhone != null) qb.andWhere(`${col('phone')} IS ${filter.hasPhone ? 'NOT NULL' : 'NULL'}`);
  // Booleans are stored as 1/0 on both MySQL (tinyint) and SQLite.
  if (filter?.smsOptIn != null) qb.andWhere(`${col('smsOptIn')} = ${filter.smsOptIn ? 1 : 0}`);
  if (filter?.ids) {
    if (filter.ids.length === 0) qb.andWhere('1 = 0');
    else qb.andWhere(`${col('id')} IN (:...efIds)`, { efIds: filter.ids });
  }
  return qb;
}
