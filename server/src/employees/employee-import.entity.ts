import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import type { UpsertEmployeesResult } from './dtos/employee-import.inputs.js';

// One upsertEmployees call and what it did, so that a retry with the same
// idempotency key answers with the first result (and an audit can find it).
@Entity('employee_imports')
@Index(['workspaceId', 'createdAt'])
export class EmployeeImport {
  @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Column({ type: 'json' }) result!: Omit<UpsertEmployeesResult, 'importId'>;
  @CreatedAtColumn() createdAt!: Date;
}
