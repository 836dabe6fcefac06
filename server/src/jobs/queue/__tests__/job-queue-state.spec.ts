import { describe, expect, it } from 'vitest';
import { JobQueueState, queueStateOf, summarizeQueue, type QueueJob } from '../job-queue-state.util.js';

const NOW = new Date('2027-03-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const job = (over: Partial<QueueJob>): QueueJob => ({
  id: 'j',
  name: 'send-message',
  nextRunAt: null,
  lockedAt: null,
  lastRunAt: null,
  lastFinishedAt: null,
  failedAt: null,
  failCount: null,
  failReason: null,
  repeatInterval: null,
  data: {},
  ...over,
});
const SOON = 15 * 60_000;

describe('queueStateOf: where a job stands (C2)', () => {
  it.each([
    ['locked', { lockedAt: at(-1), nextRunAt: at(-1) }, JobQueueState.RUNNING],
    ['failed, next attempt set', { failedAt: at(-1), failCount: 2, nextRunAt: at(3) }, JobQueueState.RETRYING],
    ['failed, no next run', { failedAt: at(-5), failCount: 12 }, JobQueueState.FAILED],
    ['due 5 minutes ago', { nextRunAt: at(-5) }, JobQueueState.OVERDUE],
    ['due 30 seconds ago', { nextRunAt: new Date(NOW.getTime() - 30_000) }, JobQueueState.DUE_SOON],
    ['due in 10 minutes', { nextRunAt: at(10) }, JobQueueState.DUE_SOON],
    ['due in an hour', { nextRunAt: at(60) }, JobQueueState.SCHEDULED],
    ['failed once, then succeeded, recurring', { failedAt: at(-60), lastFinishedAt: at(-30), nextRunAt: at(60), repeatInterval: '1 minute' }, JobQueueState.SCHEDULED],
    ['finished', { lastFinishedAt: at(-1) }, null],
  ] as const)('%s', (_name, over, expected) => {
    expect(queueStateOf(job(over), NOW, SOON)).toBe(expected);
  });

  it('summarizes counts per name, lists what is still to run (running first, then by due time), and names the oldest overdue', () => {
    const summary = summarizeQueue(
      [
        job({ id: 'a', nextRunAt: at(30) }),
        job({ id: 'b', nextRunAt: at(-20) }),
        job({ id: 'c', nextRunAt: at(-90) }),
        job({ id: 'd', lockedAt: at(-1) }),
        job({ id: 'e', failedAt: at(-2) }),
        job({ id: 'f', name: 'reconcile', nextRunAt: at(1), repeatInterval: '1 minute' }),
      ],
      NOW,
      SOON,
      3,
    );
    expect(summary.counts).toEqual([
      { name: 'reconcile', running: 0, retrying: 0, overdue: 0, dueSoon: 1, scheduled: 0, failed: 0 },
      { name: 'send-message', running: 1, retrying: 0, overdue: 2, dueSoon: 0, scheduled: 1, failed: 1 },
    ]);
    expect(summary.next.map((item) => item.job.id)).toEqual(['d', 'c', 'b']);
    expect(summary.oldestOverdue?.job.id).toBe('c');
  });
});
