import { describe, expect, it } from 'vitest';
import { DATABASE_ERROR_CODE, SHUTTING_DOWN, sendRetryDelay, TransientSendError } from '../retry-backoff.js';

const throttled = new TransientSendError('1', 'Throttled');
const policy = { baseDelayMs: 1000, maxDelayMs: 8000, maxRetries: 5 };

describe('sendRetryDelay', () => {
  it.each<[number, number | null]>([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 8000],
    [6, null],
  ])('L5: attempt %i waits %s ms', (attempt, delay) => {
    expect(sendRetryDelay(attempt, throttled, policy)).toBe(delay);
  });

  it("L5: a provider's longer retry-after hint wins", () => {
    expect(sendRetryDelay(1, new TransientSendError('1', 'Throttled', 5000), policy)).toBe(5000);
  });

  it('only transient send errors are retried', () => {
    expect(sendRetryDelay(1, new Error('bug'), policy)).toBeNull();
  });

  it('L6: a transient database error is retried however many attempts it took', () => {
    expect(sendRetryDelay(50, new TransientSendError(DATABASE_ERROR_CODE, 'Connection lost'), policy)).toBe(8000);
  });

  it('L6: a text handed back by a stopping worker is due again at once, whatever its attempt', () => {
    expect(sendRetryDelay(50, new TransientSendError(SHUTTING_DOWN, 'stopping'), policy)).toBe(0);
  });
});
