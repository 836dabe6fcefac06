import type { Job } from 'agenda';
import type { App } from '../../app.js';
import { sendRetryDelay } from '../../messaging/delivery/retry-backoff.js';

export const SEND_MESSAGE_JOB = 'send-message';

// How many send jobs one worker holds locked at once. It tops up at every poll,
// so this caps a worker at this many texts per polling interval (far above the
// provider's rate limit), leaves the rest of a burst in the store for other
// workers, and keeps Agenda's in-memory queue, whose upkeep grows with its
// length on every job, short.
export const SEND_LOCK_LIMIT = 500;

export interface SendMessageJobData {
  entryId: string;
  /** O1: the request that recorded the text, for its log lines. */
  requestId?: string;
}

/** Sends one log entry when due; Agenda retries it with backoff while the provider says "later" (L5). */
export function sendMessageJob(app: App) {
  return {
    name: SEND_MESSAGE_JOB,
    handler: async (job: Job<SendMessageJobData>) => {
      await app.services.delivery.deliver(job.attrs.data.entryId);
    },
    options: {
      concurrency: app.config.jobs.sendConcurrency,
      lockLimit: SEND_LOCK_LIMIT,
      lockLifetime: app.config.jobs.lockLifetimeMs,
      backoff: ({ attempt, error }: { attempt: number; error: Error }) => sendRetryDelay(attempt, error, app.config.sendRetry),
    },
    /** Retries ran out: the entry ends FAILED with the last error. */
    onRetriesExhausted: (error: Error, job: Job<SendMessageJobData>) => app.services.delivery.giveUp(job.attrs.data.entryId, error.message),
  };
}
