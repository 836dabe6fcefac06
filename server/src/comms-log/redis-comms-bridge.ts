import { relayThroughRedis, reviveDates } from '../common/redis-relay.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import type { CommsEvent, CommsEvents } from './comms-events.js';

const CHANNEL = 'tock:comms-events';
const DATE_FIELDS = ['scheduledFor', 'subjectStartsAt', 'sentAt', 'deliveredAt', 'failedAt', 'createdAt', 'updatedAt'] as const;

// L4: log events cross processes through Redis (see relayThroughRedis).
export function bridgeCommsEventsToRedis(events: CommsEvents, redisUrl: string): Promise<() => Promise<void>> {
  return relayThroughRedis(events, redisUrl, CHANNEL, (wire) => {
    const entry = wire.entry;
    if ((wire.type !== 'created' && wire.type !== 'updated') || typeof entry !== 'object' || entry === null) return null;
    return { type: wire.type, entry: reviveDates(Object.assign(new CommsLogEntry(), entry), DATE_FIELDS) } satisfies CommsEvent;
  });
}
