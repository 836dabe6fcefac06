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
  /** T1: the zone the sessions are in. */
  timeZone: string;
  smsRequired: boolean;
  disclosure: { version: string; language: string; text: string };
  sessions: InviteSession[];
}

export interface SignUpForm {
  inviteToken: string;
  name: string;
  email: string;
  sessionId: string;
  phone: string;
  smsConsent: boolean;
  disclosureVersion: string;
  /** T2: the language the page was shown in; T1: the browser's zone. */
  language: string;
  timeZone: string;
  idempotencyKey: string;
}

export interface SignUpResult {
  manageUrl: string;
  booking: { id: string; sessionId: string };
}

const INVITE = /* GraphQL */ `
  query PublicInvite($token: String!, $language: Language) {
    invite(token: $token, language: $language) {
      studyName timeZone smsRequired
      disclosure { version language text }
      sessions { id startsAt durationMinutes location }
    }
  }
`;

const SIGN_UP = /* GraphQL */ `
  mutation PublicSignUp($input: SignUpInput!) {
    signUp(input: $input) { manageUrl booking { id sessionId } }
  }
`;

// Public: no API key is sent (the page is opened by participants, not workspace users).
export const getInvite = query(async (token: string, language: string) => (await gql<{ invite: Invite }>(INVITE, { token, language }, null)).invite, 'invite');

/** T2: the first of the browser's languages that Tock speaks; English otherwise. */
export function browserLanguage(): string {
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
  const { signUp: result } = await gql<{ signUp: SignUpResult }>(
    SIGN_UP,
    { input: { ...form, name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() || null, sessionId: form.sessionId } },
    null,
  );
  return result;
}
