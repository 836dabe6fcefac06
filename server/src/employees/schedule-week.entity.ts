import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimestampColumn, UpdatedAtColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Employee } from './employee.entity.js';

@ObjectType({ description: "One employee's schedule for one week" })
@Entity('schedule_weeks')
@Index(['employeeId', 'weekStart'], { unique: true })
@Index(['workspaceId', 'weekStart'])
export class ScheduleWeek {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @ManyToOne(() => Employee, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'employeeId' }) employee?: Relation<Employee>;
  @Field(() => ID) @RefColumn() employeeId!: string;
  @Field(() => String, { description: 'Monday of the week, YYYY-MM-DD' }) @Column({ type: 'date' }) weekStart!: string;
  @Field(() => Boolean, { description: 'E4: the Send SMS Alert switch of this week' })
  @Column({ type: 'boolean' })
  sendSmsAlert!: boolean;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) publishedAt!: Date | null;
  // C3: a digest of the shift times last published, so a re-publish texts only those whose shifts changed.
  @Column({ type: 'varchar', length: 64, nullable: true }) publishedShiftsDigest!: string | null;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
