import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, CodeColumn, IdColumn, RefColumn, TimestampColumn, UpdatedAtColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { SessionStatus } from './session-status.enum.js';
import { Study } from './study.entity.js';

@ObjectType('Session', { description: 'One interview slot of a study' })
@Entity('study_sessions')
@Index(['workspaceId', 'startsAt'])
@Index(['studyId', 'startsAt'])
export class StudySession {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @ManyToOne(() => Study, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'studyId' }) study?: Relation<Study>;
  @Field(() => ID) @RefColumn() studyId!: string;
  @Field(() => Date) @TimestampColumn() startsAt!: Date;
  @Field(() => Int) @Column({ type: 'int' }) durationMinutes!: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 255, nullable: true }) location!: string | null;
  @Field(() => SessionStatus) @CodeColumn({ default: SessionStatus.SCHEDULED }) status!: SessionStatus;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
