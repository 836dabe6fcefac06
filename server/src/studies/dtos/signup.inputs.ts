import { Language } from '../../common/language.js';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'What the public signup page submits (S2, S3)' })
export class SignUpInput {
  @Field(() => String) @Length(1, 64) inviteToken!: string;
  @Field(() => ID) sessionId!: string;
  // Name, email and phone are checked by the signup itself, all at once with the S2 rules (signup-problems.util.ts).
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true, description: 'Required (with smsConsent) when the invite says smsRequired' })
  phone?: string | null;
  @Field(() => Boolean, { description: 'The participant ticked the SMS consent box' }) smsConsent!: boolean;
  @Field(() => String, { nullable: true, description: 'The disclosure version the page showed; the current one if omitted' })
  @IsOptional()
  @MaxLength(20)
  disclosureVersion?: string | null;
  @Field(() => Language, { nullable: true, description: 'T2: the language the page was shown in (English if omitted); the participant\'s texts follow it' })
  language?: Language | null;
  @Field(() => String, { nullable: true, description: "T1: the participant's IANA zone, from the browser" })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
  @Field(() => String, { nullable: true, description: 'A8: the solved proof of work (the ALTCHA payload) of a signupChallenge; required when invite.challengeRequired' })
  @IsOptional()
  @MaxLength(4096)
  challenge?: string | null;
}
