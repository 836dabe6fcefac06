import { isDeepStrictEqual } from 'node:util';

// Agenda's `data` filter (queryJobs, cancel, disable, enable): a partial match,
// as the MongoDB backend reads it. Every key of a plain-object filter must match
// the job's data at that path; anything else must be equal.
export function matchesData(data: unknown, filter: unknown): boolean {
  if (isPlainObject(filter)) {
    if (!isPlainObject(data)) return false;
    return Object.entries(filter).every(([key, expected]) => matchesData(data[key], expected));
  }
  return isDeepStrictEqual(data, filter);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
