import type { DebounceOptions } from 'agenda';

export interface DebouncedSchedule {
  nextRunAt: Date | null;
  debounceStartedAt: Date | null;
}

// When a debounced unique job runs, given the save that just came in and the
// job already stored under the same key (if any); the rules of Agenda's
// official backends: trailing pushes the run back by `delay` on every save
// until `maxWait` has passed since the first, leading keeps the first run time.
export function debounceSchedule(
  debounce: DebounceOptions,
  requestedRunAt: Date | null,
  stored: DebouncedSchedule | null,
  now: Date,
): DebouncedSchedule {
  const leading = debounce.strategy === 'leading';
  if (!stored) {
    return { nextRunAt: leading ? requestedRunAt : new Date(now.getTime() + debounce.delay), debounceStartedAt: now };
  }
  const startedAt = stored.debounceStartedAt ?? now;
  if (leading) return { nextRunAt: stored.nextRunAt, debounceStartedAt: startedAt };
  if (debounce.maxWait && now.getTime() - startedAt.getTime() >= debounce.maxWait) {
    // Waited long enough: run now and start a fresh window afterwards.
    return { nextRunAt: now, debounceStartedAt: null };
  }
  return { nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: startedAt };
}
