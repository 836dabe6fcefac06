import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
function planFor(metadata: EntityMetadata, alias: string): ColumnPlan {
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map()));
  let plan = byAlias.get(alias);
  if (!plan) {
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    plan = {
      aliases: columns.map((column) => `${alias}_${column.databaseName}`),
      properties: columns.map((column) => column.propertyName),
      columns,
      asIs: columns.map((column) => AS_IS_TYPES.has(column.type) && !column.transformer),
    };
    byAlias.set(alias, plan);
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
 * Anything else falls back to getMany.
 */
export async function readEntities<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  if (!isPlain(qb)) return qb.getMany();
  const metadata = qb.expressionMap.mainAlias!.metadata;
  const plan = planFor(metadata, qb.expressionMap.mainAlias!.name);
  const rows = await qb.getRawMany<Record<string, unknown>>();
  const driver = qb.connection.driver;
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
