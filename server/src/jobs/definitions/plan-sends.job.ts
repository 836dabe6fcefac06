export const PLAN_SENDS_JOB = 'plan-sends';
/** L8: how often bursts of due texts are looked for and pulled forward. */
export const PLAN_SENDS_EVERY = '15 seconds';

export function planSendsJob(sendPlanner: { run(): Promise<unknown> }) {
  return {
    name: PLAN_SENDS_JOB,
    handler: async () => {
      await sendPlanner.run();
    },
    options: { concurrency: 1, lockLifetime: 5 * 60_000 },
  };
}
