import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, CodeColumn, IdColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { Role } from '../common/role.enum.js';
import { Workspace } from './workspace.entity.js';

// A1: the secret is shown once at creation; only its SHA-256 is stored and the
// hash is never exposed through the API.
@ObjectType()
@Entity('api_keys')
@Index(['workspaceId', 'id'])
export class ApiKey {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 120 }) name!: string;
  @Field(() => Role) @CodeColumn() role!: Role;
  @Field(() => String, { description: 'Public part of the key, safe to show in lists' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;
  @Column({ type: 'varchar', length: 64 }) secretHash!: string;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) lastUsedAt!: Date | null;
}
