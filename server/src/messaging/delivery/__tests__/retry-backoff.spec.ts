import { describe, expect, it } from 'vitest';
import { sendRetryDelay, TransientSendError } from '../retry-backoff.js';

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
});
