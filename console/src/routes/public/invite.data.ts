import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql } from '../../gql';
import type { Language, PublicInviteQuery, PublicSignUpMutation } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

/** T1: timeZone is the zone the sessions are in; A8: challengeRequired, signUp needs a solved proof of work. */
export type Invite = PublicInviteQuery['invite'];
export type InviteSession = Invite['sessions'][number];

export interface SignUpForm {
  inviteToken: string;
  name: string;
  email: string;
  sessionId: string;
  phone: string;
  smsConsent: boolean;
  disclosureVersion: string;
  /** T2: the language the page was shown in; T1: the browser's zone. */
  language: Language;
  timeZone: string;
  idempotencyKey: string;
  /** A8: the ALTCHA payload, when the invite requires one. */
  challenge: string | null;
}

export type SignUpResult = PublicSignUpMutation['signUp'];

const INVITE = graphql(`
  query PublicInvite($token: String!, $language: Language) {
    invite(token: $token, language: $language) {
      studyName timeZone smsRequired challengeRequired
      disclosure { version language text }
      sessions { id startsAt durationMinutes location }
    }
  }
`);

const SIGN_UP = graphql(`
  mutation PublicSignUp($input: SignUpInput!) {
    signUp(input: $input) { manageUrl booking { id sessionId } }
  }
`);

const SIGNUP_CHALLENGE = graphql(`
  query PublicSignupChallenge($token: String!) {
    signupChallenge(inviteToken: $token)
  }
`);

/** A8: a fresh proof-of-work challenge for this invite, as the ALTCHA widget reads it (JSON). */
export async function getSignupChallenge(token: string): Promise<string> {
  return (await gql(SIGNUP_CHALLENGE, { token }, null)).signupChallenge;
}

// Public: no API key is sent (the page is opened by participants, not workspace users).
export const getInvite = query(async (token: string, language: Language) => (await gql(INVITE, { token, language }, null)).invite, 'invite');

/** T2: the first of the browser's languages that Tock speaks; English otherwise. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'es') return 'ES';
    if (primary === 'en') return 'EN';
  }
  return 'EN';
}

export function preloadInvite({ params }: RoutePreloadFuncArgs): void {
  if (params.token) void getInvite(params.token, browserLanguage());
}

// S2/S3: the server checks phone and consent and records the disclosure shown; nothing is stored on error.
export async function signUp(form: SignUpForm): Promise<SignUpResult> {
  const { signUp: result } = await gql(
    SIGN_UP,
    { input: { ...form, name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() || null, sessionId: form.sessionId } },
    null,
  );
  return result;
}
