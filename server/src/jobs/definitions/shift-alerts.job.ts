export const SHIFT_ALERTS_JOB = 'shift-alerts';
/** E6: how often upcoming shifts are checked for alerts to record. */
export const SHIFT_ALERTS_EVERY = '1 minute';

export function shiftAlertsJob(schedulePublishing: { queueDueShiftAlerts(): Promise<unknown> }) {
  return {
    name: SHIFT_ALERTS_JOB,
    handler: async () => {
      await schedulePublishing.queueDueShiftAlerts();
    },
    options: { concurrency: 1, lockLifetime: 5 * 60_000 },
  };
}
