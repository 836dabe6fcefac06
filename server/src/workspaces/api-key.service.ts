import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { notFound } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import type { Actor } from '../common/actor.js';
import { ApiKey } from './api-key.entity.js';
import type { KeyRevocations } from './key-revocations.js';
import { Role } from '../common/role.enum.js';

const KEY_PATTERN = /^tock_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
// lastUsedAt is a hint for admins; writing it at most once a minute keeps
// authentication off the write path.
const LAST_USED_GRANULARITY_MS = 60_000;

// A9: a key that authenticated is remembered for at most this long, so the
// look-up leaves the hot path; a revoke forgets it at once on every process (the
// revocation bus, relayed through Redis). The bound only covers a relayed
// revoke that never arrives.
const CACHE_TTL_MS = 10_000;
const CACHE_MAX_KEYS = 10_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

type CachedKey = Pick<ApiKey, 'id' | 'workspaceId' | 'name' | 'role' | 'secretHash' | 'lastUsedAt'> & { until: number };

function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** The whole key, shown once (A1). */
  secret: string;
}

export class ApiKeyService {
  // By prefix: keys that authenticated lately and were not revoked since.
  private readonly recent = new Map<string, CachedKey>();
  // Bumped by every revoke, so a look-up that raced one is not remembered.
  private revocationsSeen = 0;
  private readonly platformTokenHash: Buffer | null;

  constructor(
    private readonly dataSource: DataSource,
    platformToken: string | undefined,
    private readonly revocations: KeyRevocations,
  ) {
    this.platformTokenHash = platformToken ? sha256(platformToken) : null;
    revocations.subscribe(({ apiKeyId }) => this.forget(apiKeyId));
  }

  private forget(apiKeyId: string): void {
    this.revocationsSeen += 1;
    for (const [prefix, key] of this.recent) if (key.id === apiKeyId) this.recent.delete(prefix);
  }

  private async lookUp(prefix: string, now: number): Promise<CachedKey | null> {
    const cached = this.recent.get(prefix);
    if (cached && cached.until > now) return cached;
    if (cached) this.recent.delete(prefix);
    const seen = this.revocationsSeen;
    const apiKey = await this.dataSource.getRepository(ApiKey).findOne({
      select: { id: true, workspaceId: true, name: true, role: true, secretHash: true, revokedAt: true, lastUsedAt: true },
      where: { prefix },
    });
    if (!apiKey || apiKey.revokedAt) return null;
    const { id, workspaceId, name, role, secretHash, lastUsedAt } = apiKey;
    const key: CachedKey = { id, workspaceId, name, role, secretHash, lastUsedAt, until: now + CACHE_TTL_MS };
    if (seen === this.revocationsSeen) {
      if (this.recent.size >= CACHE_MAX_KEYS) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(prefix, key);
    }
    return key;
  }

  /** `issue` in its own transaction. */
  create(workspaceId: string, name: string, role: Role): Promise<IssuedApiKey> {
    return this.dataSource.transaction((manager) => this.issue(manager, workspaceId, name, role));
  }

  async issue(manager: EntityManager, workspaceId: string, name: string, role: Role): Promise<IssuedApiKey> {
    const prefix = randomBytes(6).toString('hex');
    const secretPart = randomBytes(32).toString('base64url');
    const apiKey = manager.create(ApiKey, {
      id: newId(),
      workspaceId,
      name,
      role,
      prefix,
      secretHash: sha256(secretPart).toString('hex'),
      revokedAt: null,
      lastUsedAt: null,
    });
    await manager.insert(ApiKey, apiKey);
    return { apiKey, secret: `tock_${prefix}_${secretPart}` };
  }

  async revoke(workspaceId: string, id: string): Promise<ApiKey> {
    const repo = this.dataSource.getRepository(ApiKey);
    const apiKey = await repo.findOneBy({ id, workspaceId });
    if (!apiKey) throw notFound('API key');
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await repo.update({ id, revokedAt: IsNull() }, { revokedAt: apiKey.revokedAt });
    }
    // A9: announced after the commit, and again on a repeat, so no socket outlives it.
    this.revocations.publish({ apiKeyId: apiKey.id, workspaceId });
    return apiKey;
  }

  /** A9: whether a key that authenticated a moment ago has since been revoked. */
  async isRevoked(id: string): Promise<boolean> {
    const apiKey = await this.dataSource.getRepository(ApiKey).findOne({ select: { id: true, revokedAt: true }, where: { id } });
    return !apiKey || apiKey.revokedAt !== null;
  }

  list(workspaceId: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ where: { workspaceId }, order: { id: 'ASC' } });
  }

  /** Turns an Authorization header into an Actor; anything unknown, malformed or revoked is anonymous. */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return { kind: 'anonymous' };
    if (this.platformTokenHash && constantTimeEqual(sha256(token), this.platformTokenHash)) return { kind: 'platform' };
    const match = KEY_PATTERN.exec(token);
    if (!match) return { kind: 'anonymous' };
    const [, prefix, secretPart] = match;
    const now = Date.now();
    const apiKey = await this.lookUp(prefix, now);
    if (!apiKey) return { kind: 'anonymous' };
    if (!constantTimeEqual(sha256(secretPart), Buffer.from(apiKey.secretHash, 'hex'))) return { kind: 'anonymous' };
    if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      apiKey.lastUsedAt = new Date(now);
      await this.dataSource.getRepository(ApiKey).update({ id: apiKey.id }, { lastUsedAt: apiKey.lastUsedAt });
    }
    return { kind: 'apiKey', workspaceId: apiKey.workspaceId, role: apiKey.role, apiKeyId: apiKey.id, label: `api-key:${apiKey.name}` };
  }
}
