import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { BusEvent, EventBus } from './event-bus.js';

// Changes written inside the caller's transaction are announced at its commit,
// so a subscriber never hears of a change that was rolled back (consent
// changes, workspace alerts). Registered on the data source as a TypeORM subscriber.
export class CommitOutbox<T extends BusEvent> implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, T[]>();

  constructor(private readonly bus: EventBus<T>) {}

  /** Announces at commit, or now when `manager` is not in a transaction. */
  add(manager: EntityManager, events: T[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      for (const event of events) this.bus.publish(event);
      return;
    }
    const queued = this.pending.get(runner) ?? [];
    queued.push(...events);
    this.pending.set(runner, queued);
  }

  // A released savepoint also "commits"; only the outermost commit counts.
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const queued = this.pending.get(event.queryRunner);
    if (!queued) return;
    this.pending.delete(event.queryRunner);
    for (const item of queued) this.bus.publish(item);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
