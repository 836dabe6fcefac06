import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CodeColumn, TimestampColumn } from '../db/columns.js';
import { ConsentSource } from './consent.enums.js';

// K2/K6: the global opt-out registry, keyed by phone and shared by every
// workspace. It says only whether a number is opted out, never where it was
// known; each workspace's own history is in consent_records.
@Entity('opt_outs')
export class OptOut {
  @PrimaryColumn({ type: 'varchar', length: 20 }) phone!: string;
  @Column({ type: 'boolean' }) optedOut!: boolean;
  @CodeColumn() source!: ConsentSource;
  @Column({ type: 'varchar', length: 40, nullable: true }) keyword!: string | null;
  @TimestampColumn() updatedAt!: Date;
}
