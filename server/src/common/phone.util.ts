import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { badInput } from './tock-error.js';

// A5: every phone number is stored as E.164; anything that is not a valid,
// dialable number is a field error naming the input.
export function normalisePhone(input: string, defaultCountry: string, field = 'phone'): string {
  const trimmed = input.trim();
  if (!trimmed) throw badInput(field, 'Phone number is empty');
  try {
    const parsed = parsePhoneNumberWithError(trimmed, defaultCountry as CountryCode);
    if (!parsed.isValid()) throw new Error('invalid');
    return parsed.number;
  } catch {
    throw badInput(field, `"${trimmed.slice(0, 40)}" is not a valid phone number`);
  }
}
