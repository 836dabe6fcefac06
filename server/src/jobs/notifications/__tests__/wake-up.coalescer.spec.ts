import type { JobNotification } from 'agenda';
import { describe, expect, it } from 'vitest';
import { WakeUpCoalescer } from '../wake-up.coalescer.js';

const saved = (jobName: string, nextRunAt: Date | null, jobId = `${jobName}-${Math.random()}`): JobNotification => ({
  jobId: jobId as never,
  jobName,
  nextRunAt,
  priority: 0,
  timestamp: new Date(),
});

// A processor whose lock rounds finish when the test says so.
function processor() {
  const handled: JobNotification[] = [];
  const finishers: (() => void)[] = [];
  const deliver = (notification: JobNotification) =>
    new Promise<void>((resolve) => {
      handled.push(notification);
      finishers.push(resolve);
    });
  const finishOne = async () => {
    finishers.shift()?.();
    // Let the coalescer hand over its follow-up.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { handled, deliver, finishOne };
}

describe('WakeUpCoalescer', () => {
  it('a burst of saves of one job name while a wake-up is handled costs one follow-up, with the earliest run time', async () => {
    const p = processor();
    const wakeUps = new WakeUpCoalescer(p.deliver);
    const now = Date.now();
    wakeUps.push(saved('send', new Date(now)));
    for (let i = 1; i <= 100; i++) wakeUps.push(saved('send', new Date(now + i * 1000)));
    wakeUps.push(saved('send', null));
    wakeUps.push(saved('send', new Date(now + 500)));
    expect(p.handled).toHaveLength(1);

    await p.finishOne();
    expect(p.handled).toHaveLength(2);
    // The job saved with no run time (due now) is the one that wakes the processor.
    expect(p.handled[1].nextRunAt).toBeNull();
    await p.finishOne();
    expect(p.handled).toHaveLength(2);

    // Idle again: the next save is handed over at once.
    wakeUps.push(saved('send', new Date(now)));
    expect(p.handled).toHaveLength(3);
  });

  it('different job names are handed over independently, and a failing hand-over does not stop later ones', async () => {
    let calls = 0;
    const seen: string[] = [];
    const wakeUps = new WakeUpCoalescer(async (notification) => {
      seen.push(notification.jobName);
      if (++calls === 1) throw new Error('lock round failed');
    });
    wakeUps.push(saved('a', null));
    wakeUps.push(saved('b', null));
    await new Promise((resolve) => setImmediate(resolve));
    wakeUps.push(saved('a', null));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['a', 'b', 'a']);
  });
});
