import type { Job } from 'agenda';
import type { FanOutRequest } from '../../messaging/delivery/fan-out.js';

export const FAN_OUT_JOB = 'fan-out-texts';

/** The two services that record a fan-out's texts. */
interface FanOutServices {
  schedulePublishing: { recordPublished(request: Extract<FanOutRequest, { kind: 'schedule-published' }>): Promise<number> };
  sessionChanges: { recordDayOf(request: Extract<FanOutRequest, { kind: 'day-of-update' }>): Promise<number> };
}

/** Item 9: records and schedules the texts of one fan-out decision, in chunks; safe to re-run (idempotency keys). */
export async function recordFanOut(services: FanOutServices, request: FanOutRequest): Promise<number> {
  if (request.kind === 'schedule-published') return services.schedulePublishing.recordPublished(request);
  return services.sessionChanges.recordDayOf(request);
}

export function fanOutJob(fanOut: FanOutServices) {
  return {
    name: FAN_OUT_JOB,
    handler: async (job: Job<FanOutRequest>) => {
      await recordFanOut(fanOut, job.attrs.data);
    },
    options: { concurrency: 2, lockLifetime: 10 * 60_000 },
  };
}
