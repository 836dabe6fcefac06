import { Language } from '../common/language.js';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { SignUpInput } from './dtos/signup.inputs.js';
import { Invite, SignUpPayload } from './dtos/signup.payloads.js';

// Public: the invite token is the credential here, no API key.
@Resolver()
export class SignupResolver {
  @Query(() => Invite, { description: 'Public: the signup page of an invite link' })
  invite(
    @Arg('token', () => String) token: string,
    @Arg('language', () => Language, { nullable: true, description: 'T2: the disclosure in this language (English if omitted)' }) language: Language | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Invite> {
    return ctx.services.signup.invite(token, language ?? Language.EN);
  }

  @Query(() => String, { description: 'Public: A8 a proof-of-work challenge for this invite (ALTCHA JSON), solved once by the signup page' })
  async signupChallenge(@Arg('inviteToken', () => String) inviteToken: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return JSON.stringify(await ctx.services.signup.challenge(inviteToken));
  }

  @Mutation(() => SignUpPayload, { description: 'Public: S2/S3 book a session through an invite link' })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<SignUpPayload> {
    return ctx.services.signup.signUp(input, ctx.request);
  }
}
