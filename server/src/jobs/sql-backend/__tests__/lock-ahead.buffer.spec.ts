import { toJobId, type JobParameters } from 'agenda';
import { describe, expect, it } from 'vitest';
import { LockAheadBuffer } from '../lock-ahead.buffer.js';

const job = (id: string): JobParameters => ({ _id: toJobId(id), name: 'send-message', data: {}, priority: 0, nextRunAt: new Date(0), type: 'normal' });
const jobs = (...ids: string[]) => ids.map(job);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function buffer() {
  const released: { ids: string[]; lockedAt: Date }[] = [];
  const lockAhead = new LockAheadBuffer(async (ids, lockedAt) => {
    released.push({ ids, lockedAt });
  });
  return { lockAhead, released };
}

const terms = { lockedAt: new Date(1_000), nextScanAt: new Date(2_000), lockDeadline: new Date(500) };

describe('LockAheadBuffer (the SQL store locks jobs in batches, Agenda takes them one by one)', () => {
  it('a worker that wants one job locks one; batches double while jobs keep coming, up to 50', () => {
    const { lockAhead } = buffer();
    const sizes = [lockAhead.batchSize('send-message', 'w1')];
    for (let round = 0; round < 7; round++) {
      lockAhead.hold('send-message', 'w1', { locked: [], exhausted: false }, terms);
      sizes.push(lockAhead.batchSize('send-message', 'w1'));
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32, 50, 50]);

    lockAhead.hold('send-message', 'w1', { locked: [], exhausted: true }, terms);
    expect(lockAhead.batchSize('send-message', 'w1')).toBe(1);
    // Each worker and job name grows on its own.
    expect(lockAhead.batchSize('send-message', 'w2')).toBe(1);
  });

  it('hands out the first job of a batch at once and the rest in order, to the same worker and name only', () => {
    const { lockAhead, released } = buffer();
    expect(lockAhead.hold('send-message', 'w1', { locked: jobs('a', 'b', 'c'), exhausted: false }, terms)?._id).toBe('a');

    expect(lockAhead.take('send-message', 'w2', terms.nextScanAt, terms.lockDeadline)).toBeUndefined();
    expect(lockAhead.take('carrier-lookup', 'w1', terms.nextScanAt, terms.lockDeadline)).toBeUndefined();
    const taken = [1, 2, 3].map(() => lockAhead.take('send-message', 'w1', terms.nextScanAt, terms.lockDeadline)?._id);

    expect(taken).toEqual(['b', 'c', undefined]);
    expect(released).toEqual([]);
  });

  it('jobs not taken by the next turn of the event loop are unlocked, under the lock they were given', async () => {
    const { lockAhead, released } = buffer();
    lockAhead.hold('send-message', 'w1', { locked: jobs('a', 'b', 'c'), exhausted: false }, terms);
    lockAhead.take('send-message', 'w1', terms.nextScanAt, terms.lockDeadline);

    await nextTurn();

    expect(released).toEqual([{ ids: ['c'], lockedAt: terms.lockedAt }]);
    expect(lockAhead.take('send-message', 'w1', terms.nextScanAt, terms.lockDeadline)).toBeUndefined();
    expect(lockAhead.batchSize('send-message', 'w1')).toBe(1);
  });

  it('a narrower ask (an earlier scan horizon or lock deadline) does not get jobs locked under wider terms', () => {
    const { lockAhead, released } = buffer();
    lockAhead.hold('send-message', 'w1', { locked: jobs('a', 'b', 'c'), exhausted: false }, terms);

    const earlierScan = lockAhead.take('send-message', 'w1', new Date(terms.nextScanAt.getTime() - 1), terms.lockDeadline);

    expect(earlierScan).toBeUndefined();
    expect(released).toEqual([{ ids: ['b', 'c'], lockedAt: terms.lockedAt }]);

    lockAhead.hold('send-message', 'w1', { locked: jobs('d', 'e'), exhausted: false }, terms);
    expect(lockAhead.take('send-message', 'w1', terms.nextScanAt, new Date(terms.lockDeadline.getTime() - 1))).toBeUndefined();
    expect(released.at(-1)).toEqual({ ids: ['e'], lockedAt: terms.lockedAt });
  });

  it('a later ask with wider terms (time has moved on) still takes the held jobs', () => {
    const { lockAhead } = buffer();
    lockAhead.hold('send-message', 'w1', { locked: jobs('a', 'b'), exhausted: false }, terms);

    const later = lockAhead.take('send-message', 'w1', new Date(terms.nextScanAt.getTime() + 5), new Date(terms.lockDeadline.getTime() + 5));

    expect(later?._id).toBe('b');
  });
});
