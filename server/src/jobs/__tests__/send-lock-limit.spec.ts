import { describe, expect, it } from 'vitest';
import { SEND_LOCK_LIMIT, sendLockLimit } from '../definitions/send-message.job.js';

describe('sendLockLimit (L6)', () => {
  it.each([
    // rate/s, lock lifetime, concurrency -> jobs held locked ahead
    [30, 10_000, 20, 75],
    [100, 3000, 10, 75],
    [1, 2000, 20, 20],
    [1000, 10_000, 20, SEND_LOCK_LIMIT],
  ])('L6: at %i/s with a %i ms lock and %i at once, a worker holds at most %i', (rate, lifetime, concurrency, limit) => {
    expect(sendLockLimit(rate, lifetime, concurrency)).toBe(limit);
  });
});
