import { relayThroughRedis } from '../common/redis-relay.js';
import type { KeyRevocations, KeyRevoked } from './key-revocations.js';

const CHANNEL = 'tock:api-key-revocations';

// A9: a revoke on one API process closes the key's sockets on all of them.
export function bridgeKeyRevocationsToRedis(revocations: KeyRevocations, redisUrl: string): Promise<() => Promise<void>> {
  return relayThroughRedis(revocations, redisUrl, CHANNEL, (wire) =>
    typeof wire.apiKeyId === 'string' && typeof wire.workspaceId === 'string'
      ? ({ apiKeyId: wire.apiKeyId, workspaceId: wire.workspaceId } satisfies KeyRevoked)
      : null,
  );
}
