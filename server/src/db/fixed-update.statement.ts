import type { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * One UPDATE whose SET and WHERE columns never change (`SET a = ?, b = ? WHERE
 * id = ? AND status = ?`), its SQL built once from the entity's metadata. The
 * hot paths of sending (job state writes, log entry transitions) run a handful
 * of these per text, and TypeORM's query builder spent more CPU building each
 * statement than the database spent running it. Values are converted as the
 * query builder converts them (dates and booleans per driver).
 */
export class FixedUpdateStatement<T extends ObjectLiteral> {
  private compiled: { sql: string; set: ColumnMetadata[]; where: ColumnMetadata[] } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly set: readonly (keyof T & string)[],
    private readonly where: readonly (keyof T & string)[],
  ) {}

  /** Runs the update (on `inTransaction`'s connection when given); the number of rows it changed. */
  async run(values: Partial<T>, criteria: Partial<T>, inTransaction?: QueryRunner): Promise<number> {
    const { sql, set, where } = (this.compiled ??= this.compile());
    const driver = this.dataSource.driver;
    const parameters = [
      ...set.map((column) => driver.preparePersistentValue(values[column.propertyName as keyof T] ?? null, column)),
      ...where.map((column) => driver.preparePersistentValue(criteria[column.propertyName as keyof T], column)),
    ];
    if (inTransaction) return (await inTransaction.query(sql, parameters, true)).affected ?? 0;
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, parameters, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
  }

  // Looked up on first use: the DataSource may not be initialised when this is made.
  private compile() {
    const metadata = this.dataSource.getMetadata(this.entity);
    const { driver } = this.dataSource;
    const column = (property: string): ColumnMetadata => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.name} has no column ${property}`);
      return found;
    };
    const set = this.set.map(column);
    const where = this.where.map(column);
    const assignments = set.map((c) => `${driver.escape(c.databaseName)} = ?`).join(', ');
    const conditions = where.map((c) => `${driver.escape(c.databaseName)} = ?`).join(' AND ');
    return { sql: `UPDATE ${driver.escape(metadata.tableName)} SET ${assignments} WHERE ${conditions}`, set, where };
  }
}
