import { randomBytes } from 'node:crypto';

// Invite and manage-booking links carry 32 random bytes: unguessable, URL-safe.
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}
