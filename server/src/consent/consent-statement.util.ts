import { badInput } from '../common/tock-error.js';

/**
 * E2/S8: a grant made by hand (source ADMIN) keeps how consent was obtained;
 * without a statement it is refused before anything is stored.
 */
export function requireConsentStatement(statement: string | null | undefined, field = 'attestation'): string {
  const text = statement?.trim() ?? '';
  if (!text) throw badInput(field, 'Say how consent was obtained: a grant by hand needs a consent statement');
  return text;
}
