import type { Job } from 'agenda';
import type { App } from '../../app.js';

export const CARRIER_LOOKUP_JOB = 'carrier-lookup';

export interface CarrierLookupJobData {
  employeeId: string;
}

/** E7: looks up the carrier of an employee's newly saved number. */
export function carrierLookupJob(app: App) {
  return {
    name: CARRIER_LOOKUP_JOB,
    handler: async (job: Job<CarrierLookupJobData>) => {
      await app.services.carrierLookups.lookUp(job.attrs.data.employeeId);
    },
    options: { concurrency: 5, lockLifetime: 60_000 },
  };
}
