import type { Job } from 'agenda';
import type { FanOutProgress, FanOutRequest } from '../../messaging/delivery/fan-out.js';

export const FAN_OUT_JOB = 'fan-out-texts';

/**
 * Item 9: a fan-out job's lock. A chunk (500 texts recorded, their jobs saved)
 * takes about a second; the lock is renewed after each, so a worker that dies
 * mid-fan-out hands it to another within a minute, and a live one keeps it
 * however many chunks there are.
 */
const FAN_OUT_LOCK_LIFETIME_MS = 60_000;

/** The two services that record a fan-out's texts. */
interface FanOutServices {
  schedulePublishing: { recordPublished(request: Extract<FanOutRequest, { kind: 'schedule-published' }>): Promise<number> };
  sessionChanges: { recordDayOf(request: Extract<FanOutRequest, { kind: 'day-of-update' }>, progress?: FanOutProgress): Promise<number> };
}

/**
 * Item 9: records and schedules the texts of one fan-out decision, in chunks;
 * safe to re-run (idempotency keys). A publish asks for one job per chunk; a
 * day-of update's job loops over its chunks, with `progress` after each.
 */
export async function recordFanOut(services: FanOutServices, request: FanOutRequest, progress?: FanOutProgress): Promise<number> {
  if (request.kind === 'schedule-published') return services.schedulePublishing.recordPublished(request);
  return services.sessionChanges.recordDayOf(request, progress);
}

export function fanOutJob(fanOut: FanOutServices) {
  return {
    name: FAN_OUT_JOB,
    handler: async (job: Job<FanOutRequest>) => {
      // Between chunks: the lock renewed (Agenda's touch), with the share done as its progress.
      await recordFanOut(fanOut, job.attrs.data, (done, total) => job.touch(total > 0 ? Math.floor((100 * done) / total) : 100));
    },
    options: { concurrency: 2, lockLifetime: FAN_OUT_LOCK_LIFETIME_MS },
  };
}
