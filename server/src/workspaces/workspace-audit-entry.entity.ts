import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from '../db/columns.js';
import { Workspace } from './workspace.entity.js';

@ObjectType({ description: 'W1: who changed which workspace setting, when, from what to what' })
@Entity('workspace_audit_entries')
@Index(['workspaceId', 'id'])
export class WorkspaceAuditEntry {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 60 }) setting!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 255, nullable: true }) oldValue!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 255, nullable: true }) newValue!: string | null;
  @Field(() => String, { nullable: true }) @RefColumn({ nullable: true }) actorApiKeyId!: string | null;
  @Field(() => String) @Column({ type: 'varchar', length: 160 }) actorLabel!: string;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
}
