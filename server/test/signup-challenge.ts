import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { GraphQLClient } from './harness.js';

/**
 * A8: what the signup page's ALTCHA widget does, for API-level tests: fetch a
 * challenge for the invite, really solve it (altcha-lib), and return the
 * payload signUp takes as `challenge`. Null for an invite that does not exist.
 */
export async function solvedChallenge(client: Pick<GraphQLClient, 'gql'>, inviteToken: string): Promise<string | null> {
  const result = await client.gql<{ signupChallenge: string }>(`query($t: String!) { signupChallenge(inviteToken: $t) }`, { t: inviteToken });
  if (result.errors?.[0]?.extensions?.code === 'NOT_FOUND') return null;
  if (!result.data) throw new Error(`signupChallenge failed: ${JSON.stringify(result.errors)}`);
  const challenge = JSON.parse(result.data.signupChallenge) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('Could not solve the signup challenge');
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64');
}

/** The signUp input with a freshly solved challenge for its invite. */
export async function withChallenge<T extends { inviteToken: string }>(client: Pick<GraphQLClient, 'gql'>, input: T): Promise<T & { challenge: string | null }> {
  return { ...input, challenge: await solvedChallenge(client, input.inviteToken) };
}
