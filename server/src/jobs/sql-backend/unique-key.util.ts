import { createHash } from 'node:crypto';

// The dedupe key of a unique() query: the same query (keys in any order) gives
// the same key, so the (name, dedupeKey) unique index holds one row per query.
export function uniqueKeyHash(unique: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(unique)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
