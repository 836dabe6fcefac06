import { type DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import type { ConsentSource } from './consent.enums.js';
import { OptOut } from './opt-out.entity.js';

interface OptOutState {
  optedOut: boolean;
  /** When the current opt-out began; null when the number is not opted out. */
  since: Date | null;
}

/**
 * K2: the join condition that finds the active opt-out of the number
 * `phoneExpression`, for queries that read it along with other facts (the send
 * facts are one query). The same rule as `state()`: a row with optedOut set.
 */
export function activeOptOutJoin(alias: string, phoneExpression: string): { condition: string; parameters: ObjectLiteral } {
  return { condition: `${alias}.phone = ${phoneExpression} AND ${alias}.optedOut = :${alias}OptedOut`, parameters: { [`${alias}OptedOut`]: true } };
}

// K2/K3/K6: the global opt-out list, one row per E.164 number, shared by every
// workspace. Callers pass numbers already normalised.
export class OptOutRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async state(phone: string, manager: EntityManager = this.dataSource.manager): Promise<OptOutState> {
    const row = await manager.findOneBy(OptOut, { phone });
    return row?.optedOut ? { optedOut: true, since: row.updatedAt } : { optedOut: false, since: null };
  }

  /** K2: takes effect for every workspace at once. Runs in the caller's transaction. */
  optOut(manager: EntityManager, phone: string, source: ConsentSource, keyword?: string | null, now = new Date()): Promise<void> {
    return this.set(manager, phone, true, source, keyword, now);
  }

  /** K3: lifts an opt-out. Runs in the caller's transaction. */
  optIn(manager: EntityManager, phone: string, source: ConsentSource, keyword?: string | null, now = new Date()): Promise<void> {
    return this.set(manager, phone, false, source, keyword, now);
  }

  // A portable upsert (MySQL/MariaDB and SQLite): flip the row if it is in the
  // other state, then insert it if it is missing. Only a change of state moves
  // `since`, so a second STOP keeps the time of the first.
  private async set(
    manager: EntityManager,
    phone: string,
    optedOut: boolean,
    source: ConsentSource,
    keyword: string | null | undefined,
    now: Date,
  ): Promise<void> {
    const values = { optedOut, source, keyword: keyword ? keyword.slice(0, 40) : null, updatedAt: now };
    await manager
      .createQueryBuilder()
      .update(OptOut)
      .set(values)
      .where({ phone, optedOut: !optedOut })
      .execute();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OptOut)
      .values({ phone, ...values })
      .orIgnore()
      .execute();
  }
}
