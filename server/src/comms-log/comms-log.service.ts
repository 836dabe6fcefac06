import type { DataSource } from 'typeorm';
import { notFound } from '../common/tock-error.js';
import { paginate, type ConnectionShape, type PageArgs, type SortKey } from '../graphql/pagination.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { commsLogWhere } from './comms-log-where.util.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';

// The id is auto-increment, so id order is logging order.
const NEWEST_FIRST: SortKey = { property: 'id', direction: 'DESC', kind: 'number' };

// L1/K6: the read side of the communications log, always inside one workspace.
export class CommsLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly defaultPhoneCountry: string,
  ) {}

  list(workspaceId: string, filter: CommsLogFilter, page: PageArgs): Promise<ConnectionShape<CommsLogEntry>> {
    return paginate(this.query(workspaceId, filter), page, NEWEST_FIRST);
  }

  /** A2: another workspace's entry answers NOT_FOUND, exactly like a missing one. */
  async get(workspaceId: string, id: string): Promise<CommsLogEntry> {
    // Ids are integers; anything else (which MySQL would coerce, "7x" = 7) cannot match.
    const entry = /^\d{1,10}$/.test(id)
      ? await this.dataSource.getRepository(CommsLogEntry).findOneBy({ id, workspaceId })
      : null;
    if (!entry) throw notFound('Communications log entry');
    return entry;
  }

  /** The page query before pagination; exposed so tests can EXPLAIN it. */
  query(workspaceId: string, filter: CommsLogFilter) {
    const { where, params } = commsLogWhere(workspaceId, filter, this.defaultPhoneCountry);
    return this.dataSource.getRepository(CommsLogEntry).createQueryBuilder('e').where(where, params);
  }
}
