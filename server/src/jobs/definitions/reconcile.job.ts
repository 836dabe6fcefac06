export const RECONCILE_JOB = 'reconcile';
/** How often missing reminders, lost jobs and interrupted sends are repaired. */
export const RECONCILE_EVERY = '1 minute';

export function reconcileJob(reconciler: { run(): Promise<unknown> }) {
  return {
    name: RECONCILE_JOB,
    handler: async () => {
      await reconciler.run();
    },
    options: { concurrency: 1, lockLifetime: 5 * 60_000 },
  };
}
