import { describe, expect, it } from 'vitest';
import { debounceSchedule, type DebouncedSchedule } from '../debounce-schedule.util.js';

const at = (ms: number) => new Date(1_000_000 + ms);
const now = at(10_000);

describe('debounceSchedule', () => {
  it.each<[string, Parameters<typeof debounceSchedule>[0], DebouncedSchedule | null, DebouncedSchedule]>([
    ['trailing, first save: runs delay after it', { delay: 500 }, null, { nextRunAt: at(10_500), debounceStartedAt: now }],
    ['leading, first save: runs when asked', { delay: 500, strategy: 'leading' }, null, { nextRunAt: at(0), debounceStartedAt: now }],
    [
      'trailing, later save: pushed back, window kept',
      { delay: 500 },
      { nextRunAt: at(9_900), debounceStartedAt: at(9_000) },
      { nextRunAt: at(10_500), debounceStartedAt: at(9_000) },
    ],
    [
      'trailing, maxWait passed: runs now, window closed',
      { delay: 500, maxWait: 1_000 },
      { nextRunAt: at(10_200), debounceStartedAt: at(9_000) },
      { nextRunAt: now, debounceStartedAt: null },
    ],
    [
      'leading, later save: keeps the first run time',
      { delay: 500, strategy: 'leading' },
      { nextRunAt: at(9_000), debounceStartedAt: at(9_000) },
      { nextRunAt: at(9_000), debounceStartedAt: at(9_000) },
    ],
  ])('%s', (_case, debounce, stored, expected) => {
    expect(debounceSchedule(debounce, at(0), stored, now)).toEqual(expected);
  });
});
