import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, TockError } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import { isUniqueViolation } from '../db/unique-violation.util.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

interface IdempotentCall<T> {
  /** Whose keys these are: a workspace id, "platform", or a public token's scope. */
  scope: string;
  operation: string;
  key: string | null | undefined;
  /** The request without the key; a retry must send the same. */
  input: unknown;
  create: (manager: EntityManager) => Promise<T>;
  /** Loads the first result again for a retry. */
  load: (id: string) => Promise<T>;
  idOf: (result: T) => string;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// Integrator safety: the key's record is written in the same transaction as the
// thing it creates, so a crash leaves neither, and a concurrent retry waits on
// the unique index and then answers with the first result.
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(call: IdempotentCall<T>): Promise<T> {
    if (!call.key) return this.dataSource.transaction(call.create);
    if (call.key.length > 191) throw new TockError(ErrorCode.BAD_USER_INPUT, 'idempotencyKey is longer than 191 characters', 'idempotencyKey');
    const requestHash = createHash('sha256').update(stableJson(call.input)).digest('hex');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const record = manager.create(IdempotencyRecord, {
          id: newId(),
          scope: call.scope,
          operation: call.operation,
          idempotencyKey: call.key!,
          requestHash,
          resultId: null,
        });
        await manager.insert(IdempotencyRecord, record);
        const result = await call.create(manager);
        await manager.update(IdempotencyRecord, { id: record.id }, { resultId: call.idOf(result) });
        return result;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.dataSource.getRepository(IdempotencyRecord).findOneBy({
        scope: call.scope,
        operation: call.operation,
        idempotencyKey: call.key,
      });
      // The unique violation came from the created thing itself, not the key.
      if (!first) throw error;
      if (first.requestHash !== requestHash) {
        throw new TockError(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This idempotencyKey was already used with a different request',
          'idempotencyKey',
        );
      }
      return call.load(first.resultId!);
    }
  }
}
