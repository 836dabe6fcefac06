import { InMemoryNotificationChannel, type JobNotification } from 'agenda';
import { WakeUpCoalescer } from './wake-up.coalescer.js';

/**
 * Agenda's in-memory channel, for one process running API and worker: a save
 * wakes this process's workers. Agenda's own awaits the worker's lock round
 * inside every save; this one hands the wake-up over and returns, coalescing
 * bursts (see WakeUpCoalescer).
 */
export class InProcessJobNotificationChannel extends InMemoryNotificationChannel {
  private readonly wakeUps = new WakeUpCoalescer((notification) => this.notifyHandlers(notification));

  override async publish(notification: JobNotification): Promise<void> {
    if (this._state !== 'connected') throw new Error('Cannot publish: channel not connected');
    this.wakeUps.push(notification);
  }
}
