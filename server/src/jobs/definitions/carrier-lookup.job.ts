import type { Job } from 'agenda';

export const CARRIER_LOOKUP_JOB = 'carrier-lookup';

/** One employee's number, or an import's numbers. */
export type CarrierLookupJobData = { employeeId: string } | { employeeIds: string[] };

/** E7: looks up the carrier of each newly saved number; a number looked up already is skipped. */
export function carrierLookupJob(carrierLookups: { lookUp(employeeId: string): Promise<unknown> }) {
  return {
    name: CARRIER_LOOKUP_JOB,
    handler: async (job: Job<CarrierLookupJobData>) => {
      const data = job.attrs.data;
      for (const id of 'employeeIds' in data ? data.employeeIds : [data.employeeId]) await carrierLookups.lookUp(id);
    },
    options: { concurrency: 5, lockLifetime: 60_000 },
  };
}
