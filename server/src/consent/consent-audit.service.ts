import type { DataSource } from 'typeorm';
import { badInput } from '../common/tock-error.js';
import { paginate, type ConnectionShape, type Page, type SortKey } from '../db/paginate.js';
import { ConsentRecord } from './consent-record.entity.js';
import { consentRecordWhere } from './consent-record-where.util.js';
import { consentRecordsCsv } from './consent-records-csv.util.js';
import type { ConsentRecordFilter } from './dtos/consent-record.filter.js';

/** The most rows one CSV export may hold (K5); a larger result asks for a narrower filter. */
export const CONSENT_EXPORT_LIMIT = 100_000;

// The id is auto-increment, so id order is recording order.
const NEWEST_FIRST: SortKey = { property: 'id', direction: 'DESC', kind: 'number' };

// K5/K6: the read side of the consent audit trail, always inside one workspace.
export class ConsentAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly defaultPhoneCountry: string,
    private readonly exportLimit = CONSENT_EXPORT_LIMIT,
  ) {}

  list(workspaceId: string, filter: ConsentRecordFilter, page: Page): Promise<ConnectionShape<ConsentRecord>> {
    return paginate(this.query(workspaceId, filter), page, NEWEST_FIRST);
  }

  async exportCsv(workspaceId: string, filter: ConsentRecordFilter): Promise<string> {
    const records = await this.query(workspaceId, filter)
      .orderBy('r.id', 'DESC')
      .limit(this.exportLimit + 1)
      .getMany();
    if (records.length > this.exportLimit) {
      throw badInput('filter', `More than ${this.exportLimit} consent records match; narrow the filter (e.g. a shorter from/to range)`);
    }
    return consentRecordsCsv(records);
  }

  private query(workspaceId: string, filter: ConsentRecordFilter) {
    const { where, params } = consentRecordWhere(workspaceId, filter, this.defaultPhoneCountry);
    return this.dataSource.getRepository(ConsentRecord).createQueryBuilder('r').where(where, params);
  }
}
