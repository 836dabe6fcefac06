import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Language } from '../common/language.js';
import { CreatedAtColumn, IdColumn, PhoneColumn, TimestampColumn, TimeZoneColumn, UpdatedAtColumn } from '../db/columns.js';

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
  @Field(() => String, { description: 'T1: IANA time zone; weeks start on Monday here, and people without a zone of their own get it' })
  @TimeZoneColumn({ default: 'UTC' })
  timeZone!: string;
  @Field(() => Language, { description: 'T2: the language of employees who have none of their own' })
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: Language;
  @Field(() => Boolean, { description: 'T3: hold texts that can wait (SCHEDULE_PUBLISHED, TIME_OFF_RESPONSE) through quiet hours' })
  @Column({ type: 'boolean', default: true })
  quietHoursEnabled!: boolean;
  @Field(() => String, { description: 'T3: HH:MM in the recipient\'s zone when quiet hours start (default 21:00)' })
  @Column({ type: 'varchar', length: 5, default: '21:00' })
  quietHoursStart!: string;
  @Field(() => String, { description: 'T3: HH:MM in the recipient\'s zone when sending may resume (default 08:00)' })
  @Column({ type: 'varchar', length: 5, default: '08:00' })
  quietHoursEnd!: string;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date) @UpdatedAtColumn() updatedAt!: Date;
}
