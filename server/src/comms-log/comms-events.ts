import type { CommsLogEntry } from './comms-log-entry.entity.js';

/** A new log entry, or a status change of one (L4). */
export interface CommsEvent {
  type: 'created' | 'updated';
  entry: CommsLogEntry;
  /** Set on events relayed from another process (L4), so they are not relayed back. */
  remote?: boolean;
}

export type CommsEventListener = (event: CommsEvent) => void;

/** Where log changes are announced. In-process here; the live feed subscribes to it. */
export class CommsEvents {
  private readonly listeners = new Set<CommsEventListener>();

  publish(event: CommsEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber must not stop a send or the others.
        console.error('[comms-events] listener failed', error);
      }
    }
  }

  subscribe(listener: CommsEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
