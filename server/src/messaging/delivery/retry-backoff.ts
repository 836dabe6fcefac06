/** Thrown by the send job when the provider said "not now" (throttled, 5xx, timeout). */
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

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetries: number;
}

/**
 * L5: how long to wait before retry `attempt` (1-based), or null to stop. Pure,
 * shaped like Agenda's BackoffStrategy. A provider's retry-after hint wins when
 * it asks for longer; only transient send errors are retried at all.
 */
export function sendRetryDelay(attempt: number, error: unknown, policy: RetryPolicy): number | null {
  if (!(error instanceof TransientSendError)) return null;
  if (attempt > policy.maxRetries) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(exponential, error.retryAfterMs ?? 0);
}
