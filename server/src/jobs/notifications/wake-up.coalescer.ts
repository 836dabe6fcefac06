import type { JobNotification } from 'agenda';

/**
 * Hands saved-job notifications to the job processor one job name at a time.
 * Each one makes the processor lock every due job of that name, so while one
 * is being handled, further ones for the name only need to trigger a single
 * follow-up: a burst of a thousand saves costs a couple of lock rounds, not a
 * thousand. The follow-up keeps the earliest run time seen, so a due job is
 * never hidden behind a later one. Publishing never waits for the processor.
 */
export class WakeUpCoalescer {
  // Per job name being handled: the follow-up to hand over next, if any.
  private readonly inFlight = new Map<string, JobNotification | null>();

  constructor(private readonly deliver: (notification: JobNotification) => Promise<void>) {}

  push(notification: JobNotification): void {
    const name = notification.jobName;
    if (!this.inFlight.has(name)) {
      this.inFlight.set(name, null);
      void this.run(notification);
      return;
    }
    const waiting = this.inFlight.get(name) ?? null;
    this.inFlight.set(name, waiting && runsFirst(waiting, notification) ? waiting : notification);
  }

  private async run(notification: JobNotification): Promise<void> {
    try {
      await this.deliver(notification);
    } catch {
      // A processor error is its own to report; the next poll retries.
    }
    const next = this.inFlight.get(notification.jobName);
    if (next) {
      this.inFlight.set(notification.jobName, null);
      void this.run(next);
    } else this.inFlight.delete(notification.jobName);
  }
}

// A job with no run time runs now.
function runsFirst(a: JobNotification, b: JobNotification): boolean {
  const at = (n: JobNotification) => n.nextRunAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return at(a) <= at(b);
}
