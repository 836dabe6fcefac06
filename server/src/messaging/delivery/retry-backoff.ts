/** The error code of a send that stopped on a transient database error (L6). */
export const DATABASE_ERROR_CODE = 'DATABASE';
/** The error code of a send handed back, unclaimed, by a worker that is stopping (L6). */
export const SHUTTING_DOWN = 'SHUTTING_DOWN';

/** Thrown by the send job when the provider said "not now" (throttled, 5xx, timeout), or the database blinked (L6). */
export class TransientSendError extends Error {
  constructor(
    readonly errorCode: string,
    reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'TransientSendError';
  }
}

interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetries: number;
}

/**
 * L5: how long to wait before retry `attempt` (1-based), or null to stop. Pure,
 * shaped like Agenda's BackoffStrategy. A provider's retry-after hint wins when
 * it asks for longer; only transient send errors are retried at all. A database
 * blip never uses up the retries (L6): it is retried for as long as it lasts.
 */
export function sendRetryDelay(attempt: number, error: unknown, policy: RetryPolicy): number | null {
  if (!(error instanceof TransientSendError)) return null;
  // Handed back by a stopping worker: due again at once, for another worker.
  if (error.errorCode === SHUTTING_DOWN) return 0;
  if (attempt > policy.maxRetries && error.errorCode !== DATABASE_ERROR_CODE) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(exponential, error.retryAfterMs ?? 0);
}
