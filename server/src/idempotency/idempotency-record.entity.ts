import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from '../db/columns.js';

// Integrator safety: the first result of a creating mutation, remembered by
// (scope, operation, key) so that a retry returns it instead of creating again.
@Entity('idempotency_records')
@Index(['scope', 'operation', 'idempotencyKey'], { unique: true })
export class IdempotencyRecord {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 80 }) scope!: string;
  @Column({ type: 'varchar', length: 60 }) operation!: string;
  @Column({ type: 'varchar', length: 191 }) idempotencyKey!: string;
  @Column({ type: 'varchar', length: 64 }) requestHash!: string;
  @RefColumn({ nullable: true }) resultId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
