import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../common/tock-error.js';
import { readEntities } from './read-entities.util.js';

/** A page request: how many rows, after which cursor (GraphQL's PageArgs is one). */
export interface Page {
  first: number;
  after?: string | null;
}

/** A Relay-style page of rows. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface SortKey {
  /** Property of the entity to sort on; ties are broken by id in the same direction. */
  property: string;
  direction: 'ASC' | 'DESC';
  kind: 'string' | 'number' | 'date';
}

type CursorValue = string | number;

function encodeCursor(values: [CursorValue, CursorValue]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, key: SortKey): [CursorValue | Date, CursorValue] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      const [value, id] = parsed as [CursorValue, CursorValue];
      if (key.kind === 'date') {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) throw new Error('bad date');
        return [date, id];
      }
      return [value, id];
    }
  } catch {
    // fall through to the field error
  }
  throw badInput('after', 'The cursor is not one this API issued');
}

// Keyset pagination: WHERE (sort, id) is past the cursor, ORDER BY sort, id,
// LIMIT first + 1. Stable under inserts and cheap on the (workspace, sort, id)
// indexes, unlike OFFSET.
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: Page,
  key: SortKey = { property: 'id', direction: 'ASC', kind: 'string' },
  // Only these columns (plus the id and the sort key), when the caller knows what the page shows.
  properties?: readonly string[],
): Promise<ConnectionShape<T>> {
  const alias = qb.alias;
  const sortColumn = `${alias}.${key.property}`;
  const idColumn = `${alias}.id`;
  const op = key.direction === 'ASC' ? '>' : '<';
  if (args.after) {
    const [value, id] = decodeCursor(args.after, key);
    if (key.property === 'id') {
      qb.andWhere(`${idColumn} ${op} :afterId`, { afterId: id });
    } else {
      qb.andWhere(`(${sortColumn} ${op} :afterValue OR (${sortColumn} = :afterValue AND ${idColumn} ${op} :afterId))`, {
        afterValue: value,
        afterId: id,
      });
    }
  }
  qb.orderBy(sortColumn, key.direction);
  if (key.property !== 'id') qb.addOrderBy(idColumn, key.direction);
  const rows = await readEntities(qb.limit(args.first + 1), properties && [...new Set(['id', key.property, ...properties])]);
  const hasNextPage = rows.length > args.first;
  const nodes = rows.slice(0, args.first);
  const cursorOf = (node: T) => {
    const raw = node[key.property] as unknown;
    const value: CursorValue = raw instanceof Date ? raw.toISOString() : (raw as CursorValue);
    return encodeCursor([value, node.id as CursorValue]);
  };
  // A cursor per row only when a query asks for edges; nodes need none.
  let edges: ConnectionShape<T>['edges'] | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: cursorOf(node), node })));
    },
    nodes,
    pageInfo: { hasNextPage, endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null },
  };
}
