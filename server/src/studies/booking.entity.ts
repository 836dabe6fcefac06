import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAtColumn, CodeColumn, IdColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Participant } from './participant.entity.js';
import { BookingStatus } from './session-status.enum.js';
import { StudySession } from './study-session.entity.js';

@ObjectType({ description: 'A participant booked on a session' })
@Entity('bookings')
@Index(['sessionId', 'participantId'], { unique: true })
@Index(['workspaceId', 'id'])
@Index(['participantId'])
export class Booking {
  @Field(() => ID) @IdColumn() id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @ManyToOne(() => StudySession, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'sessionId' }) session?: Relation<StudySession>;
  @Field(() => ID) @RefColumn() sessionId!: string;
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'participantId' }) participant?: Relation<Participant>;
  @Field(() => ID) @RefColumn() participantId!: string;
  @Field(() => BookingStatus) @CodeColumn({ default: BookingStatus.BOOKED }) status!: BookingStatus;
  // S7: the secret in the manage-booking link. Never exposed through the API;
  // the participant receives it once, in the signUp answer and in each text.
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) manageToken!: string;
  @Field(() => Date) @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date, { nullable: true }) @TimestampColumn({ nullable: true }) cancelledAt!: Date | null;
}
