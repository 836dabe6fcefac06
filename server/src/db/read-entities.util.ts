import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';

type Column = EntityMetadata['columns'][number];
interface ColumnPlan {
  aliases: string[];
  properties: string[];
  columns: Column[];
  // Text columns come back from every driver as the string they hold.
  asIs: boolean[];
}

const AS_IS_TYPES = new Set<unknown>(['varchar', 'text', 'char']);

// By entity and query alias: which result column fills which property.
const plans = new WeakMap<EntityMetadata, Map<string, ColumnPlan>>();

// TypeORM names a selected column `${alias}_${column}` (shortened only past the driver's alias length).
function planFor(metadata: EntityMetadata, alias: string, properties?: readonly string[]): ColumnPlan {
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map()));
  const key = properties ? `${alias}:${properties.join()}` : alias;
  let plan = byAlias.get(key);
  if (!plan) {
    const wanted = properties && new Set(properties);
    const columns = metadata.columns.filter((column) => !column.isVirtual && (!wanted || wanted.has(column.propertyName)));
    plan = {
      aliases: columns.map((column) => `${alias}_${column.databaseName}`),
      properties: columns.map((column) => column.propertyName),
      columns,
      asIs: columns.map((column) => AS_IS_TYPES.has(column.type) && !column.transformer),
    };
    // Column subsets come from a handful of query shapes; a bound keeps odd ones from piling up.
    if (byAlias.size < 200) byAlias.set(key, plan);
  }
  return plan;
}

// A plain select of one entity's own columns (no joins, relation ids, partial
// selects, inheritance or embedded columns), which a row can fill directly.
function isPlain(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const map = qb.expressionMap;
  const metadata = map.mainAlias?.hasMetadata ? map.mainAlias.metadata : undefined;
  const maxAliasLength = qb.connection.driver.maxAliasLength;
  return (
    metadata !== undefined &&
    typeof metadata.target === 'function' &&
    (!maxAliasLength || metadata.columns.every((column) => map.mainAlias!.name.length + 1 + column.databaseName.length <= maxAliasLength)) &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.selects.length === 1 &&
    map.selects[0].selection === map.mainAlias!.name &&
    !metadata.discriminatorColumn &&
    metadata.childEntityMetadatas.length === 0 &&
    metadata.embeddeds.length === 0 &&
    metadata.lazyRelations.length === 0
  );
}

/**
 * `qb.getMany()` for a plain select: the same statement and the same entities
 * (each column through the driver's own hydration), without TypeORM's generic
 * result transformer, which was the largest cost of a page of rows under load.
 * With `properties`, only those columns are read (a page that shows a few of
 * a wide row's columns), and the entities hold only those. Anything else
 * falls back to getMany.
 */
export async function readEntities<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, properties?: readonly string[]): Promise<T[]> {
  if (!isPlain(qb)) return qb.getMany();
  const metadata = qb.expressionMap.mainAlias!.metadata;
  const alias = qb.expressionMap.mainAlias!.name;
  // A property that is no column (a field computed from others) and every column is read.
  const narrowed = properties?.every((property) => metadata.findColumnWithPropertyName(property)) ? properties : undefined;
  const plan = planFor(metadata, alias, narrowed);
  if (narrowed) qb.select(plan.properties.map((property) => `${alias}.${property}`));
  return hydrate<T>(qb.connection, metadata, plan, await rawRows(qb));
}

// A plain select's statement depends on its shape (table, alias, columns,
// where texts, order, limit, index hint), not on its values: written once per
// shape and bound to each call's values, it skips TypeORM's statement building
// (and the result-cache key it builds even with no cache), a page's largest
// TypeORM cost. Shapes come from a handful of filters; a bound keeps odd ones out.
// Per data source: each writes its own dialect (quotes, limits).
const statements = new WeakMap<DataSource, Map<string, string>>();
const MAX_SHAPES = 500;

function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const map = qb.expressionMap;
  if (map.queryType !== 'select' || map.skip !== undefined || map.take !== undefined || map.subQuery || map.commonTableExpressions.length) return null;
  if (map.wheres.some((where) => typeof where.condition !== 'string') || map.havings.some((having) => typeof having.condition !== 'string')) return null;
  return JSON.stringify([
    map.mainAlias!.metadata.tableName,
    map.mainAlias!.name,
    map.selects,
    map.wheres,
    map.havings,
    map.orderBys,
    map.groupBys,
    map.limit,
    map.offset,
    map.useIndex,
    map.withDeleted,
    map.selectDistinct,
    map.selectDistinctOn,
    map.maxExecutionTime,
    map.lockMode,
    map.onLocked,
    map.comment,
    map.extraAppendedAndWhereCondition,
  ]);
}

async function rawRows(qb: SelectQueryBuilder<ObjectLiteral>): Promise<Record<string, unknown>[]> {
  const shape = shapeOf(qb);
  if (shape === null) return qb.getRawMany();
  let written = statements.get(qb.connection);
  if (!written) statements.set(qb.connection, (written = new Map()));
  let statement = written.get(shape);
  if (statement === undefined) {
    statement = qb.getQuery();
    if (written.size < MAX_SHAPES) written.set(shape, statement);
  }
  const [sql, values] = qb.connection.driver.escapeQueryWithParameters(statement, qb.getParameters());
  const runner = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  // A builder made on a transaction's runner reads on it.
  return runner ? runner.query(sql, values) : qb.connection.query(sql, values);
}

function hydrate<T>(ds: DataSource, metadata: EntityMetadata, plan: ColumnPlan, rows: Record<string, unknown>[]): T[] {
  const driver = ds.driver;
  const Target = metadata.target as new () => T;
  const { aliases, properties, columns, asIs } = plan;
  return rows.map((row) => {
    const entity = Object.create(Target.prototype) as Record<string, unknown>;
    for (let i = 0; i < aliases.length; i++) {
      const value = row[aliases[i]];
      if (value === undefined) continue;
      entity[properties[i]] = asIs[i] || (value === null && !columns[i].transformer) ? value : driver.prepareHydratedValue(value, columns[i]);
    }
    return entity as T;
  });
}

// The statement readByIds sends, up to its IN list, per entity: written once
// (null: not a plain entity, so a query builder writes it each time).
const byIdStatements = new WeakMap<EntityMetadata, string | null>();
const BY_ID_ALIAS = 'r';
const QUESTION_MARK_DRIVERS = new Set(['mysql', 'mariadb', 'better-sqlite3']);

function byIdStatement(ds: DataSource, metadata: EntityMetadata): string | null {
  let head = byIdStatements.get(metadata);
  if (head !== undefined) return head;
  const id = metadata.findColumnWithPropertyName('id');
  const workspaceId = metadata.findColumnWithPropertyName('workspaceId');
  const plain = QUESTION_MARK_DRIVERS.has(ds.options.type) && id && workspaceId && !metadata.deleteDateColumn && isPlain(ds.createQueryBuilder(metadata.target, BY_ID_ALIAS));
  head = null;
  if (plain) {
    const q = (name: string) => ds.driver.escape(name);
    const plan = planFor(metadata, BY_ID_ALIAS);
    const columns = plan.columns.map((column, i) => `${q(BY_ID_ALIAS)}.${q(column.databaseName)} AS ${q(plan.aliases[i])}`).join(', ');
    head = `SELECT ${columns} FROM ${q(metadata.tableName)} ${q(BY_ID_ALIAS)} WHERE ${q(BY_ID_ALIAS)}.${q(workspaceId.databaseName)} = ? AND ${q(BY_ID_ALIAS)}.${q(id.databaseName)} IN (`;
  }
  byIdStatements.set(metadata, head);
  return head;
}

/**
 * A2: the rows of `entity` with these ids inside one workspace, as entities, in
 * one statement (a DataLoader's batch). The same SELECT a query builder would
 * write, kept as text instead of built for every batch.
 */
export async function readByIds<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, ids: readonly string[], workspaceId: string): Promise<T[]> {
  const metadata = ds.getMetadata(entity);
  const head = byIdStatement(ds, metadata);
  if (head === null) {
    const qb = ds.getRepository(entity).createQueryBuilder(BY_ID_ALIAS);
    return readEntities(qb.where(`${BY_ID_ALIAS}.id IN (:...ids) AND ${BY_ID_ALIAS}.workspaceId = :workspaceId`, { ids: [...ids], workspaceId }));
  }
  const rows: Record<string, unknown>[] = await ds.query(`${head}${ids.map(() => '?').join(', ')})`, [workspaceId, ...ids]);
  return hydrate<T>(ds, metadata, planFor(metadata, BY_ID_ALIAS), rows);
}
