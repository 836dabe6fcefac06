import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Employee } from './employee.entity.js';
import { ScheduleWeek } from './schedule-week.entity.js';

@ObjectType()
@Entity('shifts')
@Index(['workspaceId', 'startsAt'])
@Index(['scheduleWeekId', 'startsAt'])
export class Shift {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @ManyToOne(() => ScheduleWeek, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'scheduleWeekId' }) scheduleWeek?: Relation<ScheduleWeek>;
  @Field(() => ID) @RefColumn() scheduleWeekId!: string;
  @ManyToOne(() => Employee, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'employeeId' }) employee?: Relation<Employee>;
  @Field(() => ID) @RefColumn() employeeId!: string;
  @Field(() => Date) @TimestampColumn() startsAt!: Date;
  @Field(() => Date) @TimestampColumn() endsAt!: Date;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 255, nullable: true }) note!: string | null;
}
