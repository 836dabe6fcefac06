import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimeZoneColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';

@ObjectType({ description: 'An interview study: sessions that participants book through an invite link' })
@Entity('studies')
@Index(['workspaceId', 'id'])
export class Study {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 160 }) name!: string;
  @Field(() => Boolean, { description: 'S1: the Interview Reminder SMS switch, on for a new study' })
  @Column({ type: 'boolean', default: true })
  smsRemindersEnabled!: boolean;
  @Field(() => String, { nullable: true, description: "T1: the zone its sessions are in; null means the workspace's" })
  @TimeZoneColumn({ nullable: true })
  timeZone!: string | null;
  // Secret part of the public invite link; exposed only as inviteUrl to workspace users.
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) inviteToken!: string;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
}
