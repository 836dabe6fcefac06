import type { Job } from 'agenda';
import type { Config } from '../../config/config.js';
import { sendRetryDelay } from '../../messaging/delivery/retry-backoff.js';

export const SEND_MESSAGE_JOB = 'send-message';

// How many send jobs one worker holds locked at most. It tops up at every poll,
// leaves the rest of a burst in the store for other workers, and keeps Agenda's
// in-memory queue, whose upkeep grows with its length on every job, short.
export const SEND_LOCK_LIMIT = 500;

export interface SendMessageJobData {
  entryId: string;
  /** O1: the request that recorded the text, for its log lines. */
  requestId?: string;
}

/**
 * L6: how many send jobs a worker may hold locked ahead. A held job's lock is
 * not renewed until it starts, so a worker holds no more than it can start
 * within a quarter of a lock lifetime at the provider's rate (which workers
 * share). A job that expires in Agenda's local queue is dropped there without
 * giving back its place under lockLimit (Agenda 6.2), so each expiry would
 * shrink the worker for good.
 */
export function sendLockLimit(ratePerSecond: number, lockLifetimeMs: number, concurrency: number): number {
  return Math.max(concurrency, Math.min(SEND_LOCK_LIMIT, Math.floor((ratePerSecond * lockLifetimeMs) / 4000)));
}

/** What a send job does with an entry: send it, or give up on it. */
export interface SendMessageDelivery {
  deliver(entryId: string): Promise<unknown>;
  giveUp(entryId: string, error: string): Promise<unknown>;
}

/** The settings a send job runs by. */
export type SendMessageSettings = Pick<Config, 'jobs' | 'sendRetry'> & { vonage: Pick<Config['vonage'], 'rateLimitPerSecond'> };

/** Sends one log entry when due; Agenda retries it with backoff while the provider says "later" (L5). */
export function sendMessageJob(delivery: SendMessageDelivery, config: SendMessageSettings, sendPace: { record(sendMs: number): void }) {
  const lockLifetime = config.jobs.lockLifetimeMs;
  return {
    name: SEND_MESSAGE_JOB,
    handler: async (job: Job<SendMessageJobData>) => {
      // L6: a short lock, renewed while the send runs (the rate-limit wait, the
      // provider call, writes retried through a database blip), so a dead
      // worker's jobs are taken over within a lock lifetime, a live one's never.
      let touching: Promise<void> = Promise.resolve();
      const renew = setInterval(() => {
        touching = job.touch().catch(() => undefined);
      }, Math.max(100, Math.floor(lockLifetime / 3)));
      const started = performance.now();
      try {
        // L8: the pipeline's pace, for the send planner.
        if ((await delivery.deliver(job.attrs.data.entryId)) === 'sent') sendPace.record(performance.now() - started);
      } finally {
        clearInterval(renew);
        // A renewal landing after Agenda's final save would lock the finished job again.
        await touching;
      }
    },
    options: {
      concurrency: config.jobs.sendConcurrency,
      lockLimit: sendLockLimit(config.vonage.rateLimitPerSecond, lockLifetime, config.jobs.sendConcurrency),
      lockLifetime,
      backoff: ({ attempt, error }: { attempt: number; error: Error }) => sendRetryDelay(attempt, error, config.sendRetry),
    },
    /** Retries ran out: the entry ends FAILED with the last error. */
    onRetriesExhausted: (error: Error, job: Job<SendMessageJobData>) => delivery.giveUp(job.attrs.data.entryId, error.message),
  };
}
