import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, PhoneColumn, TimestampColumn, UpdatedAtColumn } from '../db/columns.js';

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
  // A7: "US,CA"; null means the default (the sender number's country, else DEFAULT_PHONE_COUNTRY).
  @Column({ type: 'varchar', length: 255, nullable: true })
  allowedDestinationCountries!: string | null;
  @Field(() => Int, { description: 'A8: publicly triggered texts to numbers new to the workspace per hour before the pumping breaker trips' })
  @Column({ type: 'int', default: 20 })
  pumpingBudgetPerHour!: number;
  // A8: set when the breaker trips; cleared by an ADMIN's reset.
  @TimestampColumn({ nullable: true })
  pumpingTrippedAt!: Date | null;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
