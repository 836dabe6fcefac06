import type { PubSub } from 'type-graphql';
import { CommsEvents } from '../comms-log/comms-events.js';
import type { BusEvent, EventBus } from '../common/event-bus.js';
import { eventStream } from '../common/event-stream.js';
import { ConsentEvents } from '../consent/consent-events.js';
import { WorkspaceAlerts } from '../workspaces/workspace-alerts.js';

// Subscription topics, each backed by one of the app's event buses.
export const COMMS_EVENTS_TOPIC = 'COMMS_EVENTS';
export const CONSENT_CHANGED_TOPIC = 'CONSENT_CHANGED';
export const WORKSPACE_ALERTS_TOPIC = 'WORKSPACE_ALERTS';

export interface LiveBuses {
  comms: CommsEvents;
  consent: ConsentEvents;
  alerts: WorkspaceAlerts;
}

export const emptyLiveBuses = (): LiveBuses => ({ comms: new CommsEvents(), consent: new ConsentEvents(), alerts: new WorkspaceAlerts() });

interface Topic {
  publish(event: unknown): void;
  stream(): AsyncIterable<unknown>;
}

const topicOf = <T extends BusEvent>(bus: EventBus<T>): Topic => ({
  publish: (event) => bus.publish(event as T),
  stream: () => eventStream(bus),
});

/** type-graphql's PubSub over the app's buses (in-process, relayed through Redis when configured). */
export class LivePubSub implements PubSub {
  private readonly topics: Map<string, Topic>;

  constructor(buses: LiveBuses) {
    this.topics = new Map([
      [COMMS_EVENTS_TOPIC, topicOf(buses.comms)],
      [CONSENT_CHANGED_TOPIC, topicOf(buses.consent)],
      [WORKSPACE_ALERTS_TOPIC, topicOf(buses.alerts)],
    ]);
  }

  publish(routingKey: string, ...args: unknown[]): void {
    this.topics.get(routingKey)?.publish(args[0]);
  }

  subscribe(routingKey: string): AsyncIterable<unknown> {
    const topic = this.topics.get(routingKey);
    if (!topic) throw new Error(`No live topic ${routingKey}`);
    return topic.stream();
  }
}
