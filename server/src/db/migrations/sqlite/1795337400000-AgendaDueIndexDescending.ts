import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: TypeORM cannot declare a descending index key.
export class AgendaDueIndexDescending1795337400000 implements MigrationInterface {
  name = 'AgendaDueIndexDescending1795337400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_agenda_jobs_due"`);
    await queryRunner.query(`CREATE INDEX "IDX_agenda_jobs_due" ON "agenda_jobs" ("name", "nextRunAt", "priority" DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_agenda_jobs_due"`);
    await queryRunner.query(`CREATE INDEX "IDX_agenda_jobs_due" ON "agenda_jobs" ("name", "nextRunAt", "priority")`);
  }
}
