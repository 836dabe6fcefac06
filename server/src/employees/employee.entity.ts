import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Language } from '../common/language.js';
import { CreatedAtColumn, CodeColumn, IdColumn, PhoneColumn, RefColumn, TimeZoneColumn, TimestampColumn, UpdatedAtColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';

export enum CarrierLookupStatus {
  PENDING = 'PENDING',
  FOUND = 'FOUND',
  FAILED = 'FAILED',
}
registerEnumType(CarrierLookupStatus, { name: 'CarrierLookupStatus' });

@ObjectType({ description: 'A person on a schedule who may receive shift texts' })
@Entity('employees')
@Index(['workspaceId', 'name', 'id'])
@Index(['workspaceId', 'smsOptIn'])
@Index(['workspaceId', 'phone'])
// An import matches rows to employees by email.
@Index(['workspaceId', 'email'])
@Index(['phone'])
export class Employee {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 160 }) name!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'E.164' }) @PhoneColumn() phone!: string | null;
  @Field(() => Boolean, { description: 'E1: false for a new employee; false means no text of any kind' })
  @Column({ type: 'boolean', default: false })
  smsOptIn!: boolean;
  @Field(() => String, { nullable: true, description: "T1: the employee's zone; null means the workspace's" })
  @TimeZoneColumn({ nullable: true })
  timeZone!: string | null;
  @Field(() => Language, { nullable: true, description: "T2: the employee's language; null means the workspace's" })
  @Column({ type: 'varchar', length: 2, nullable: true })
  language!: Language | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 120, nullable: true }) carrierName!: string | null;
  @Field(() => String, { nullable: true, description: 'E7: email-to-SMS gateway domain, e.g. vtext.com' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  carrierGatewayDomain!: string | null;
  @Field(() => String, { nullable: true, description: "A7/E7: the look-up's line type (Number Insight network_type: mobile, landline_premium, …)" })
  @Column({ type: 'varchar', length: 40, nullable: true })
  carrierLineType!: string | null;
  @Field(() => CarrierLookupStatus, { nullable: true }) @CodeColumn({ nullable: true }) carrierLookupStatus!: CarrierLookupStatus | null;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) carrierLookedUpAt!: Date | null;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
