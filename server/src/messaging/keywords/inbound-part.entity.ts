import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PhoneColumn, TimestampColumn } from '../../db/columns.js';

// One part of a long inbound text, held until every part has arrived, so that
// keywords are read from the whole message (K1). Vonage numbers the parts of a
// message by a reference the handset reuses over time; a part is consumed once
// its message is assembled, so a later message with the same reference starts
// afresh.
@Entity('inbound_parts')
@Index(['sender', 'recipient', 'concatRef', 'consumedAt'])
export class InboundPart {
  @IdColumn() id!: string;
  // A replayed part is stored once.
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) messageId!: string;
  /** The handset, E.164. */
  @PhoneColumn({ nullable: false }) sender!: string;
  /** Our number, E.164. */
  @PhoneColumn({ nullable: false }) recipient!: string;
  @Column({ type: 'varchar', length: 40 }) concatRef!: string;
  @Column({ type: 'int' }) partCount!: number;
  @Column({ type: 'int' }) partNumber!: number;
  @Column({ type: 'text' }) text!: string;
  @TimestampColumn() receivedAt!: Date;
  @TimestampColumn({ nullable: true }) consumedAt!: Date | null;
}
