import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ParticipantFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or email, any case' })
  @IsOptional()
  @MaxLength(254)
  search?: string | null;
  @Field(() => Boolean, { nullable: true }) hasPhone?: boolean | null;
  @Field(() => Boolean, { nullable: true }) smsConsent?: boolean | null;
}

@InputType({ description: 'S8: a workspace user changes SMS consent by hand' })
export class SetParticipantSmsConsentInput {
  @Field(() => ID) participantId!: string;
  @Field(() => Boolean) granted!: boolean;
  @Field(() => String, { nullable: true, description: 'Granting needs a phone: this one, or the one on file' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'How the consent was obtained, kept on the consent record; required to grant (S8)' })
  @IsOptional()
  @MaxLength(1000)
  attestation?: string | null;
}
