import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../observability/logger.js';
import type { BusEvent, EventBus } from './event-bus.js';
import { watchRedis } from './redis-link.js';

interface WireMessage {
  origin: string;
  event: unknown;
}

/**
 * With REDIS_URL, every process relays its bus events to one Redis channel and
 * replays the other processes' events locally (L4): a send in a worker, or a
 * consent change on one API process, reaches subscribers on every API process.
 * `revive` rebuilds an event from its JSON form (dates arrive as strings);
 * it returns null for a message it does not accept.
 */
export async function relayThroughRedis<T extends BusEvent>(
  bus: EventBus<T>,
  redisUrl: string,
  channel: string,
  revive: (event: Record<string, unknown>) => T | null,
): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const lost = watchRedis(publisher, redisUrl);
  watchRedis(subscriber, redisUrl);
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel: string, message: string) => {
    let wire: WireMessage;
    try {
      wire = JSON.parse(message) as WireMessage;
    } catch {
      log.warn({ channel }, 'ignored a malformed message from Redis');
      return;
    }
    if (wire.origin === origin || typeof wire.event !== 'object' || wire.event === null) return;
    const event = revive(wire.event as Record<string, unknown>);
    if (event) bus.publish({ ...event, remote: true });
  });
  const unsubscribe = bus.subscribe((event) => {
    if (event.remote) return;
    const wire: WireMessage = { origin, event };
    publisher.publish(channel, JSON.stringify(wire)).catch(lost);
  });
  return async () => {
    unsubscribe();
    await subscriber.quit();
    await publisher.quit();
  };
}

/** JSON turned these Dates into strings; turn them back. */
export function reviveDates<T extends object>(target: T, fields: readonly string[]): T {
  const record = target as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field];
    record[field] = typeof value === 'string' ? new Date(value) : (value ?? null);
  }
  return target;
}
