import type { DataSource } from 'typeorm';
import { notFound } from '../common/tock-error.js';
import { paginate, type ConnectionShape, type PageArgs, type SortKey } from '../graphql/pagination.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { MessageDirection } from './comms-log.enums.js';
import { commsLogWhere } from './comms-log-where.util.js';
import { buildCommsOverview, overviewWindowStart, type OverviewRow } from './comms-overview.util.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';
import type { CommsOverview } from './dtos/comms-overview.types.js';

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

  /** The console overview: one grouped query over the (workspaceId, createdAt) index. */
  async overview(workspaceId: string, hours: number, now = new Date()): Promise<CommsOverview> {
    const from = overviewWindowStart(now, hours);
    // Timestamps are stored in UTC on both databases (the MySQL driver runs with timezone 'Z').
    const hourOf =
      this.dataSource.options.type === 'better-sqlite3'
        ? "strftime('%Y-%m-%d %H:00:00', e.createdAt)"
        : "DATE_FORMAT(e.createdAt, '%Y-%m-%d %H:00:00')";
    const rows: { hour: string; status: OverviewRow['status']; skipReason: OverviewRow['skipReason']; count: string | number }[] =
      await this.dataSource
        .getRepository(CommsLogEntry)
        .createQueryBuilder('e')
        .select(hourOf, 'hour')
        .addSelect('e.status', 'status')
        .addSelect('e.skipReason', 'skipReason')
        .addSelect('COUNT(*)', 'count')
        .where('e.workspaceId = :workspaceId AND e.createdAt >= :from AND e.createdAt <= :now', { workspaceId, from, now })
        .andWhere('e.direction = :outbound', { outbound: MessageDirection.OUTBOUND })
        .groupBy('hour')
        .addGroupBy('e.status')
        .addGroupBy('e.skipReason')
        .getRawMany();
    return buildCommsOverview(
      rows.map((row) => ({ hourStart: new Date(`${row.hour.replace(' ', 'T')}Z`), status: row.status, skipReason: row.skipReason, count: Number(row.count) })),
      from,
      hours,
      now,
    );
  }

  /** The page query before pagination; exposed so tests can EXPLAIN it. */
  query(workspaceId: string, filter: CommsLogFilter) {
    const { where, params } = commsLogWhere(workspaceId, filter, this.defaultPhoneCountry);
    return this.dataSource.getRepository(CommsLogEntry).createQueryBuilder('e').where(where, params);
  }
}
