import type { PubSub } from 'type-graphql';
import { commsEventStream } from './comms-event-stream.js';
import type { CommsEvent, CommsEvents } from './comms-events.js';

export const COMMS_EVENTS_TOPIC = 'COMMS_EVENTS';

/** type-graphql's PubSub over the comms-log event bus (in-process, relayed through Redis when configured). */
export class CommsPubSub implements PubSub {
  constructor(private readonly events: CommsEvents) {}

  publish(routingKey: string, ...args: unknown[]): void {
    if (routingKey === COMMS_EVENTS_TOPIC) this.events.publish(args[0] as CommsEvent);
  }

  subscribe(routingKey: string): AsyncIterable<unknown> {
    return commsEventStream(this.events, () => routingKey === COMMS_EVENTS_TOPIC);
  }
}
