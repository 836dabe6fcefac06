import { badInput } from '../common/tock-error.js';

export interface SqlWhere {
  where: string;
  params: Record<string, unknown>;
}

/** Builds one WHERE clause for a list filter, always starting inside the caller's workspace (A2, K6). */
export class SqlWhereBuilder {
  private readonly conditions: string[];
  private readonly params: Record<string, unknown>;

  constructor(
    private readonly alias: string,
    workspaceId: string,
  ) {
    this.conditions = [`${alias}.workspaceId = :workspaceId`];
    this.params = { workspaceId };
  }

  equal(property: string, value: unknown): this {
    if (value === undefined || value === null || value === '') return this;
    this.conditions.push(`${this.alias}.${property} = :${property}`);
    this.params[property] = value;
    return this;
  }

  /** createdAt in [from, to); an empty or backwards range is the client's error. */
  createdBetween(from: Date | null | undefined, to: Date | null | undefined): this {
    if (from && to && to.getTime() <= from.getTime()) throw badInput('filter.to', '`to` must be later than `from`');
    if (from) {
      this.conditions.push(`${this.alias}.createdAt >= :from`);
      this.params.from = from;
    }
    if (to) {
      this.conditions.push(`${this.alias}.createdAt < :to`);
      this.params.to = to;
    }
    return this;
  }

  /** A condition of the caller's own, with its named parameters (never user text in `condition`). */
  condition(condition: string, params: Record<string, unknown>): this {
    this.conditions.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  build(): SqlWhere {
    return { where: this.conditions.join(' AND '), params: this.params };
  }
}
