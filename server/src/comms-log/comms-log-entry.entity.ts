import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CodeColumn, PhoneColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { SkipReason } from '../send-policy/skip-reason.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { MessageChannel, MessageDirection, MessageKind, MessageStatus } from './comms-log.enums.js';

// L1: every intended message, sent or held back, and every inbound text.
@ObjectType({ description: 'One message in the communications log' })
@Entity('comms_log_entries')
@Index(['workspaceId', 'id'])
@Index(['workspaceId', 'status', 'id'])
@Index(['workspaceId', 'kind', 'id'])
@Index(['workspaceId', 'skipReason', 'id'])
@Index(['workspaceId', 'recipientPhone', 'id'])
@Index(['workspaceId', 'createdAt'])
@Index(['workspaceId', 'participantId', 'id'])
@Index(['workspaceId', 'employeeId', 'id'])
@Index(['workspaceId', 'bookingId', 'id'])
@Index(['workspaceId', 'studyId', 'id'])
@Index(['workspaceId', 'sessionId', 'id'])
@Index(['status', 'scheduledFor'])
// K9: the opt-in lane looks for due texts by kind.
@Index(['status', 'kind', 'scheduledFor'])
@Index(['eventKey'])
@Index(['providerMessageId'])
export class CommsLogEntry {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: 'int' }) id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => MessageDirection) @CodeColumn() direction!: MessageDirection;
  @Field(() => MessageKind) @CodeColumn() kind!: MessageKind;
  @Field(() => MessageStatus) @CodeColumn() status!: MessageStatus;
  @Field(() => SkipReason, { nullable: true }) @CodeColumn({ nullable: true }) skipReason!: SkipReason | null;
  @Field(() => MessageChannel, { nullable: true }) @CodeColumn({ nullable: true }) channel!: MessageChannel | null;
  @Field(() => String, { nullable: true }) @PhoneColumn() recipientPhone!: string | null;
  @Field(() => String, { nullable: true, description: 'The Tock number it was sent from (outbound) or to (inbound)' })
  @PhoneColumn()
  senderPhone!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) participantId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) employeeId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) studyId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) sessionId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) bookingId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) shiftId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) scheduleWeekId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) timeOffRequestId!: string | null;
  // S5: texts are capped per participant per booked event; this names the event.
  @Column({ type: 'varchar', length: 80, nullable: true }) eventKey!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) body!: string | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) segments!: number | null;
  @Field(() => String, { nullable: true, description: 'GSM-7 or UCS-2' }) @Column({ type: 'varchar', length: 8, nullable: true }) encoding!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true }) providerMessageId!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 20, nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 255, nullable: true }) errorReason!: string | null;
  // L2: one intended message, one key; the unique index makes a second send impossible.
  @Index({ unique: true }) @Column({ type: 'varchar', length: 191, nullable: true }) idempotencyKey!: string | null;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) attempts!: number;
  // A8: recorded on a public path (signup) for a number new to the workspace; the pumping breaker holds these.
  @Column({ type: 'boolean', default: false }) publicToNewNumber!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the text is due' }) @TimestampColumn({ nullable: true }) scheduledFor!: Date | null;
  // S6: the session or shift start this text describes; if that no longer
  // holds when the text is due, it is held back as NO_LONGER_VALID.
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) subjectStartsAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'T3: why a QUEUED text waits, e.g. "held for quiet hours until Tue, Dec 1, 8:00 AM EST"' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  holdReason!: string | null;
  @Field(() => String, { nullable: true, description: "T1: the recipient's zone the text's times were written in" })
  @Column({ type: 'varchar', length: 64, nullable: true })
  recipientTimeZone!: string | null;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) failedAt!: Date | null;
  // L9: a resend is a new entry that names the one it resends.
  @Field(() => ID, { nullable: true, description: 'L9: the FAILED or interrupted entry this one resends' })
  @Column({ type: 'int', nullable: true })
  resendOfId!: string | null;
  @Field(() => Date) @TimestampColumn() createdAt!: Date;
  @Field(() => Date) @TimestampColumn() updatedAt!: Date;
}
