import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Language } from '../common/language.js';
import { CreatedAtColumn, IdColumn, PhoneColumn, RefColumn, TimeZoneColumn, UpdatedAtColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';

@ObjectType({ description: 'A person who books study sessions' })
@Entity('participants')
@Index(['workspaceId', 'email'], { unique: true })
@Index(['workspaceId', 'phone'])
@Index(['phone'])
export class Participant {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 160 }) name!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 254 }) email!: string;
  @Field(() => String, { nullable: true, description: 'E.164' }) @PhoneColumn() phone!: string | null;
  @Field(() => Boolean, { description: 'Current SMS consent; its history is in consentRecords' })
  @Column({ type: 'boolean', default: false })
  smsConsent!: boolean;
  @Field(() => String, { nullable: true, description: "T1: the participant's own zone (from the signup page's browser); null means the study's" })
  @TimeZoneColumn({ nullable: true })
  timeZone!: string | null;
  @Field(() => Language, { description: 'T2: chosen on the signup page' })
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: Language;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
