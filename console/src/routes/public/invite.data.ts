import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { gql } from '../../lib/graphql';

export interface InviteSession {
  id: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
}

export interface Invite {
  studyName: string;
  smsRequired: boolean;
  disclosure: { version: string; text: string };
  sessions: InviteSession[];
  /** A8: signUp needs a solved proof of work. */
  challengeRequired: boolean;
}

export interface SignUpForm {
  inviteToken: string;
  name: string;
  email: string;
  sessionId: string;
  phone: string;
  smsConsent: boolean;
  disclosureVersion: string;
  idempotencyKey: string;
  /** A8: the ALTCHA payload, when the invite requires one. */
  challenge: string | null;
}

export interface SignUpResult {
  manageUrl: string;
  booking: { id: string; sessionId: string };
}

const INVITE = /* GraphQL */ `
  query PublicInvite($token: String!) {
    invite(token: $token) {
      studyName smsRequired challengeRequired
      disclosure { version text }
      sessions { id startsAt durationMinutes location }
    }
  }
`;

const SIGN_UP = /* GraphQL */ `
  mutation PublicSignUp($input: SignUpInput!) {
    signUp(input: $input) { manageUrl booking { id sessionId } }
  }
`;

const SIGNUP_CHALLENGE = /* GraphQL */ `
  query PublicSignupChallenge($token: String!) {
    signupChallenge(inviteToken: $token)
  }
`;

/** A8: a fresh proof-of-work challenge for this invite, as the ALTCHA widget reads it (JSON). */
export async function getSignupChallenge(token: string): Promise<string> {
  return (await gql<{ signupChallenge: string }>(SIGNUP_CHALLENGE, { token }, null)).signupChallenge;
}

// Public: no API key is sent (the page is opened by participants, not workspace users).
export const getInvite = query(async (token: string) => (await gql<{ invite: Invite }>(INVITE, { token }, null)).invite, 'invite');

export function preloadInvite({ params }: RoutePreloadFuncArgs): void {
  if (params.token) void getInvite(params.token);
}

// S2/S3: the server checks phone and consent and records the disclosure shown; nothing is stored on error.
export async function signUp(form: SignUpForm): Promise<SignUpResult> {
  const { signUp: result } = await gql<{ signUp: SignUpResult }>(
    SIGN_UP,
    { input: { ...form, name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() || null, sessionId: form.sessionId } },
    null,
  );
  return result;
}
