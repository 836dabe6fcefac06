import type { DataSource } from 'typeorm';
import { badInput, notFound } from '../common/tock-error.js';
import { paginate, type ConnectionShape, type Page, type SortKey } from '../db/paginate.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { commsLogCsv } from './comms-log-csv.util.js';
import { MessageDirection } from './comms-log.enums.js';
import { likePattern } from '../db/like-pattern.util.js';
import { Employee } from '../employees/employee.entity.js';
import { Participant } from '../studies/participant.entity.js';
import { commsLogWhere, peopleSearch, type MatchedPeople } from './comms-log-where.util.js';
import { buildCommsOverview, overviewWindowStart, type OverviewRow } from './comms-overview.util.js';
import type { CommsLogFilter } from './dtos/comms-log.filter.js';
import type { CommsOverview } from './dtos/comms-overview.types.js';

/** C2: rows one CSV export may carry; more asks for a narrower filter. */
const COMMS_LOG_EXPORT_LIMIT = 100_000;

/** C2: people one name or email search may match; a broader search asks for more letters. */
const PEOPLE_SEARCH_LIMIT = 500;

// The id is auto-increment, so id order is logging order.
const NEWEST_FIRST: SortKey = { property: 'id', direction: 'DESC', kind: 'number' };

// L1/K6: the read side of the communications log, always inside one workspace.
export class CommsLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly defaultPhoneCountry: string,
    private readonly exportLimit = COMMS_LOG_EXPORT_LIMIT,
  ) {}

  /** L1: a page, newest first; with `columns`, entries hold only those (and their id). */
  async list(workspaceId: string, filter: CommsLogFilter, page: Page, columns?: readonly string[]): Promise<ConnectionShape<CommsLogEntry>> {
    return paginate(await this.query(workspaceId, filter), page, NEWEST_FIRST, columns);
  }

  /** C2: the filtered history as CSV, newest first; refused past the export limit rather than cut short. */
  async exportCsv(workspaceId: string, filter: CommsLogFilter): Promise<string> {
    const entries = await (await this.query(workspaceId, filter))
      .orderBy('e.id', 'DESC')
      .limit(this.exportLimit + 1)
      .getMany();
    if (entries.length > this.exportLimit) {
      throw badInput('filter', `More than ${this.exportLimit} messages match; narrow the filter (e.g. a shorter from/to range)`);
    }
    return commsLogCsv(entries);
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

  /** The console overview: one grouped query over the (workspaceId, createdAt) index, counted per bin. */
  async overview(workspaceId: string, hours: number, binMinutes = 60, now = new Date()): Promise<CommsOverview> {
    const from = overviewWindowStart(now, hours, binMinutes);
    // The bin an entry falls in, counted from the window's start; timestamps are UTC on both databases.
    const binOf =
      this.dataSource.options.type === 'better-sqlite3'
        ? "CAST((strftime('%s', e.createdAt) - strftime('%s', :from)) / :binSeconds AS INTEGER)"
        : 'FLOOR(TIMESTAMPDIFF(SECOND, :from, e.createdAt) / :binSeconds)';
    const rows: { bin: string | number; status: OverviewRow['status']; skipReason: OverviewRow['skipReason']; count: string | number }[] =
      await this.dataSource
        .getRepository(CommsLogEntry)
        .createQueryBuilder('e')
        .select(binOf, 'bin')
        .addSelect('e.status', 'status')
        .addSelect('e.skipReason', 'skipReason')
        .addSelect('COUNT(*)', 'count')
        .where('e.workspaceId = :workspaceId AND e.createdAt >= :from AND e.createdAt <= :now', { workspaceId, from, now, binSeconds: binMinutes * 60 })
        .andWhere('e.direction = :outbound', { outbound: MessageDirection.OUTBOUND })
        .groupBy('bin')
        .addGroupBy('e.status')
        .addGroupBy('e.skipReason')
        .getRawMany();
    return buildCommsOverview(
      rows.map((row) => ({
        binStart: new Date(from.getTime() + Number(row.bin) * binMinutes * 60_000),
        status: row.status,
        skipReason: row.skipReason,
        count: Number(row.count),
      })),
      from,
      hours,
      now,
      binMinutes,
    );
  }

  /** The page query before pagination; exposed so tests and the bench can EXPLAIN it. */
  async query(workspaceId: string, filter: CommsLogFilter) {
    const search = peopleSearch(filter);
    const people = search ? await this.matchPeople(workspaceId, search) : undefined;
    const { where, params, indexColumns } = commsLogWhere(workspaceId, filter, this.defaultPhoneCountry, people);
    const qb = this.dataSource.getRepository(CommsLogEntry).createQueryBuilder('e').where(where, params);
    const index = indexColumns && this.indexNamed(indexColumns);
    // MySQL/MariaDB only (TypeORM leaves the hint out elsewhere).
    return index ? qb.useIndex(index) : qb;
  }

  // C2: names and emails are matched on the people tables first (each a scan
  // of one workspace's people), so the log is then read by indexed ids.
  private async matchPeople(workspaceId: string, search: string): Promise<MatchedPeople> {
    const ids = async (entity: typeof Participant | typeof Employee): Promise<string[]> => {
      const rows: { id: string }[] = await this.dataSource
        .getRepository(entity)
        .createQueryBuilder('p')
        .select('p.id', 'id')
        .where("p.workspaceId = :workspaceId AND (LOWER(p.name) LIKE :search ESCAPE '!' OR LOWER(p.email) LIKE :search ESCAPE '!')", {
          workspaceId,
          search: likePattern(search),
        })
        .limit(PEOPLE_SEARCH_LIMIT + 1)
        .getRawMany();
      if (rows.length > PEOPLE_SEARCH_LIMIT) throw badInput('filter.search', `More than ${PEOPLE_SEARCH_LIMIT} people match "${search}"; type more of the name or email`);
      return rows.map((row) => row.id);
    };
    const [participantIds, employeeIds] = await Promise.all([ids(Participant), ids(Employee)]);
    return { participantIds, employeeIds };
  }

  private indexNamed(columns: string[]): string | undefined {
    return this.dataSource.getMetadata(CommsLogEntry).indices.find((index) => index.columns.map((column) => column.propertyName).join() === columns.join())?.name;
  }
}
