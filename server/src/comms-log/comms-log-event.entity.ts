import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { MessageEventType } from './message-event-type.enum.js';

// C2: the append-only history of one log entry, a row per state change.
// Never updated or deleted through the API; read per entry (the index).
@ObjectType({ description: 'C2: one step in a message status timeline' })
@Entity('comms_log_events')
@Index(['entryId', 'id'])
export class CommsLogEvent {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: 'int' }) id!: string;
  @Column({ type: 'int' }) entryId!: string;
  @RefColumn() workspaceId!: string;
  @Field(() => Date) @TimestampColumn() at!: Date;
  @Field(() => MessageEventType) @CodeColumn() type!: MessageEventType;
  @Field(() => Int, { nullable: true, description: 'Which send attempt this was part of' }) @Column({ type: 'int', nullable: true }) attempt!: number | null;
  @Field(() => String, { nullable: true, description: 'The provider or Tock code: a Vonage status or err-code, a skip reason, INTERRUPTED, …' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  code!: string | null;
  @Field(() => String, { nullable: true, description: "A receipt's status as the provider sent it (delivered, failed, expired, …)" })
  @Column({ type: 'varchar', length: 32, nullable: true })
  providerStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'The provider message id, the channel, the reason or the resend entry id' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  detail!: string | null;
}
