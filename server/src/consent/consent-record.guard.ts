import { EventSubscriber, type EntitySubscriberInterface } from 'typeorm';
import { ConsentRecord } from './consent-record.entity.js';

function refuse(): never {
  throw new Error('K5: consent records are append-only; they are never updated or deleted');
}

// K5 in depth: even a bug elsewhere in Tock cannot change or delete a consent
// record through TypeORM (save, update, delete, remove, soft-delete all pass here).
@EventSubscriber()
export class ConsentRecordGuard implements EntitySubscriberInterface<ConsentRecord> {
  listenTo() {
    return ConsentRecord;
  }
  beforeUpdate(): void {
    refuse();
  }
  beforeRemove(): void {
    refuse();
  }
  beforeSoftRemove(): void {
    refuse();
  }
}
