export const OPT_IN_CONFIRMATIONS_JOB = 'opt-in-confirmations';
/** K9: how often the opt-in confirmation lane looks for confirmations to send. */
export const OPT_IN_CONFIRMATIONS_EVERY = '5 seconds';

// K9: below every send job (Agenda's 'normal'), so a worker with both due takes the reminder first.
const OPT_IN_CONFIRMATIONS_PRIORITY = 'lowest';

export function optInConfirmationsJob(optInConfirmations: { drain(): Promise<unknown> }) {
  return {
    name: OPT_IN_CONFIRMATIONS_JOB,
    handler: async () => {
      await optInConfirmations.drain();
    },
    options: { concurrency: 1, lockLifetime: 60_000, priority: OPT_IN_CONFIRMATIONS_PRIORITY },
  };
}
