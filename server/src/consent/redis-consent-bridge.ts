import { relayThroughRedis, reviveDates } from '../common/redis-relay.js';
import type { ConsentChangeSummary, ConsentEvents } from './consent-events.js';

const CHANNEL = 'tock:consent-events';

// A consent change on one API process reaches consentChanged subscribers on the others.
export function bridgeConsentEventsToRedis(events: ConsentEvents, redisUrl: string): Promise<() => Promise<void>> {
  return relayThroughRedis(events, redisUrl, CHANNEL, (wire) => {
    if (typeof wire.workspaceId !== 'string' || typeof wire.count !== 'number' || !Array.isArray(wire.subjectIds)) return null;
    return reviveDates({ ...wire } as unknown as ConsentChangeSummary, ['recordedAt']);
  });
}
