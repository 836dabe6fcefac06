import { EventBus } from '../common/event-bus.js';
import type { CommsLogEntry } from './comms-log-entry.entity.js';

/** A new log entry, or a status change of one (L4). */
export interface CommsEvent {
  type: 'created' | 'updated';
  entry: CommsLogEntry;
  /** Set on events relayed from another process (L4), so they are not relayed back. */
  remote?: boolean;
}

/** Where log changes are announced; the live feed subscribes to it. */
export class CommsEvents extends EventBus<CommsEvent> {
  constructor() {
    super('comms-events');
  }
}
