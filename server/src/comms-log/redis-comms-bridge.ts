import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import type { CommsEvent, CommsEvents } from './comms-events.js';

const CHANNEL = 'tock:comms-events';
const DATE_FIELDS = ['scheduledFor', 'subjectStartsAt', 'sentAt', 'deliveredAt', 'failedAt', 'createdAt', 'updatedAt'] as const;

interface WireEvent {
  origin: string;
  type: CommsEvent['type'];
  entry: Record<string, unknown>;
}

// L4: with REDIS_URL, every process relays its log events to Redis and
// replays the other processes' events locally, so a send in a worker reaches
// subscribers on any API process. Events stay in-process without it.
export async function bridgeCommsEventsToRedis(events: CommsEvents, redisUrl: string): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => {
    let wire: WireEvent;
    try {
      wire = JSON.parse(message) as WireEvent;
    } catch {
      console.error('[comms-events] ignored a malformed message on', CHANNEL);
      return;
    }
    if (wire.origin === origin || !wire.entry) return;
    const entry = Object.assign(new CommsLogEntry(), wire.entry);
    for (const field of DATE_FIELDS) {
      const value = wire.entry[field];
      (entry as unknown as Record<string, unknown>)[field] = typeof value === 'string' ? new Date(value) : value ?? null;
    }
    events.publish({ type: wire.type, entry, remote: true });
  });
  const unsubscribe = events.subscribe((event) => {
    if (event.remote) return;
    const wire: WireEvent = { origin, type: event.type, entry: { ...event.entry } };
    publisher.publish(CHANNEL, JSON.stringify(wire)).catch((error: unknown) => console.error('[comms-events] relay to Redis failed', error));
  });
  return async () => {
    unsubscribe();
    await subscriber.quit();
    await publisher.quit();
  };
}
