import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { ConsentChangeSummary, ConsentEvents } from './consent-events.js';

// Consent records are written inside the caller's transaction, so their
// announcement waits for the commit: a subscriber never hears of a change that
// was rolled back. Registered on the data source as a TypeORM subscriber.
export class ConsentOutbox implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, ConsentChangeSummary[]>();

  constructor(private readonly events: ConsentEvents) {}

  /** Announces at commit, or now when `manager` is not in a transaction. */
  add(manager: EntityManager, changes: ConsentChangeSummary[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      for (const change of changes) this.events.publish(change);
      return;
    }
    const queued = this.pending.get(runner) ?? [];
    queued.push(...changes);
    this.pending.set(runner, queued);
  }

  // A released savepoint also "commits"; only the outermost commit counts.
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const queued = this.pending.get(event.queryRunner);
    if (!queued) return;
    this.pending.delete(event.queryRunner);
    for (const change of queued) this.events.publish(change);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
