import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, CodeColumn, IdColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Employee } from './employee.entity.js';

export enum TimeOffStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
}
registerEnumType(TimeOffStatus, { name: 'TimeOffStatus' });

@ObjectType()
@Entity('time_off_requests')
@Index(['workspaceId', 'id'])
@Index(['employeeId'])
export class TimeOffRequest {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @ManyToOne(() => Employee, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'employeeId' }) employee?: Relation<Employee>;
  @Field(() => ID) @RefColumn() employeeId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) @Column({ type: 'date' }) startsOn!: string;
  @Field(() => String, { description: 'YYYY-MM-DD, inclusive' }) @Column({ type: 'date' }) endsOn!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Field(() => TimeOffStatus) @CodeColumn({ default: TimeOffStatus.PENDING }) status!: TimeOffStatus;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 160, nullable: true }) decidedBy!: string | null;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
}
