import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, PhoneColumn, UpdatedAtColumn } from '../db/columns.js';

@ObjectType({ description: 'A tenant: everything in Tock belongs to exactly one workspace' })
@Entity('workspaces')
export class Workspace {
  @Field(() => ID) @IdColumn() id!: string;
  @Field(() => String) @Column({ type: 'varchar', length: 120 }) name!: string;
  @Field(() => Boolean, { description: 'W1: off for a new workspace; only an ADMIN may change it' })
  @Column({ type: 'boolean', default: false })
  smsEnabled!: boolean;
  @Field(() => String, { nullable: true, description: 'E.164 sender number (W3)' })
  @PhoneColumn()
  senderNumber!: string | null;
  @Field(() => Int, { description: 'E6: minutes before a shift that its alert goes out' })
  @Column({ type: 'int', default: 30 })
  shiftAlertLeadMinutes!: number;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
