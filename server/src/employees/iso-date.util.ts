import { badInput } from '../common/tock-error.js';

// A calendar date as YYYY-MM-DD that exists (no 2026-02-30); returns midnight UTC of it.
export function parseIsoDate(value: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw badInput(field, `"${value.slice(0, 20)}" is not a date in the form YYYY-MM-DD`);
  return date;
}
