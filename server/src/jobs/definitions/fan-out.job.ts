import type { Job } from 'agenda';
import type { FanOutRequest } from '../../messaging/delivery/fan-out.js';

export const FAN_OUT_JOB = 'fan-out-texts';

/** Records and schedules the texts of one fan-out decision, in chunks; safe to re-run (idempotency keys). */
export function fanOutJob(fanOut: {
  schedulePublishing: { recordPublished(request: Extract<FanOutRequest, { kind: 'schedule-published' }>): Promise<unknown> };
  sessionChanges: { recordDayOf(request: Extract<FanOutRequest, { kind: 'day-of-update' }>): Promise<unknown> };
}) {
  return {
    name: FAN_OUT_JOB,
    handler: async (job: Job<FanOutRequest>) => {
      const request = job.attrs.data;
      if (request.kind === 'schedule-published') await fanOut.schedulePublishing.recordPublished(request);
      else await fanOut.sessionChanges.recordDayOf(request);
    },
    options: { concurrency: 2, lockLifetime: 10 * 60_000 },
  };
}
