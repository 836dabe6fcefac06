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
    return ctx.app.services.signup.invite(token, language ?? Language.EN);
  }

  @Mutation(() => SignUpPayload, { description: 'Public: S2/S3 book a session through an invite link' })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<SignUpPayload> {
    return ctx.app.services.signup.signUp(input, ctx.request);
  }
}
