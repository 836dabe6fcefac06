import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Language } from '../common/language.js';
import { CodeColumn, PhoneColumn, RefColumn, TimestampColumn } from '../db/columns.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from './consent.enums.js';

// K5: append-only. Nothing in Tock updates or deletes a row of this table; the
// auto-increment id gives a stable audit order and lets bulk work insert
// straight from a SELECT.
@ObjectType({ description: 'One consent change, kept for audit (S3, S7, S8, E2, K2, K3, K7)' })
@Entity('consent_records')
@Index(['workspaceId', 'id'])
@Index(['workspaceId', 'subjectType', 'subjectId', 'id'])
@Index(['workspaceId', 'phone', 'id'])
export class ConsentRecord {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: 'int' }) id!: string;
  @ManyToOne(() => Workspace, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'workspaceId' }) workspace?: Relation<Workspace>;
  @RefColumn() workspaceId!: string;
  @Field(() => ConsentSubjectType) @CodeColumn() subjectType!: ConsentSubjectType;
  @Field(() => ID) @RefColumn() subjectId!: string;
  @Field(() => String, { nullable: true, description: 'E.164' }) @PhoneColumn() phone!: string | null;
  @Field(() => ConsentAction) @CodeColumn() action!: ConsentAction;
  @Field(() => ConsentSource) @CodeColumn() source!: ConsentSource;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) studyId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) sessionId!: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) bookingId!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 20, nullable: true }) disclosureVersion!: string | null;
  @Field(() => String, { nullable: true, description: 'S3: the exact disclosure text shown' })
  @Column({ type: 'text', nullable: true })
  disclosureText!: string | null;
  @Field(() => Language, { nullable: true, description: 'T2: the language of the disclosure shown' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  disclosureLanguage!: Language | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 45, nullable: true }) ipAddress!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 512, nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) @RefColumn({ nullable: true }) actorApiKeyId!: string | null;
  @Field(() => String, { nullable: true, description: 'Who made the change: an API key name, "participant", "handset", "carrier"' })
  @Column({ type: 'varchar', length: 160, nullable: true })
  actorLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'How consent was obtained (bulk and admin changes)' })
  @Column({ type: 'text', nullable: true })
  attestation!: string | null;
  @Field(() => String, { nullable: true, description: 'The keyword texted, for KEYWORD changes' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  keyword!: string | null;
  @Field(() => Date) @TimestampColumn() createdAt!: Date;
}
