import { isSupportedCountry, parsePhoneNumber, type CountryCode, type NumberType } from 'libphonenumber-js/max';

/** A7: number types that are never texted: they bill the sender, or no person reads them. */
export const REFUSED_NUMBER_TYPES: readonly NonNullable<NumberType>[] = ['PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE', 'UAN', 'VOICEMAIL', 'PAGER'];

// A7: Number Insight's network_type values that say the same as the types above.
const REFUSED_LINE_TYPES = new Set(['landline_premium', 'landline_tollfree', 'pager']);

type DestinationVerdict = { allowed: true; country: string } | { allowed: false; why: 'COUNTRY' | 'NUMBER_TYPE' | 'INVALID'; country: string | null; numberType?: string };

interface DestinationRules {
  /** ISO 3166 alpha-2 codes; a number outside them is refused. */
  allowedCountries: readonly string[];
  /** The carrier look-up's line type, when one was done. */
  lineType?: string | null;
}

/** A7: may Tock text this E.164 number? Pure: the full libphonenumber metadata decides the type. */
export function destinationVerdict(phone: string, rules: DestinationRules): DestinationVerdict {
  let parsed;
  try {
    parsed = parsePhoneNumber(phone);
  } catch {
    return { allowed: false, why: 'INVALID', country: null };
  }
  // Non-geographic numbers (+882 satellite, +979 premium, …) have no country and are never allowed.
  const country = parsed.country ?? null;
  const numberType = parsed.getType();
  if (numberType && REFUSED_NUMBER_TYPES.includes(numberType)) return { allowed: false, why: 'NUMBER_TYPE', country, numberType };
  if (rules.lineType && REFUSED_LINE_TYPES.has(rules.lineType)) return { allowed: false, why: 'NUMBER_TYPE', country, numberType: rules.lineType };
  if (!country || !rules.allowedCountries.includes(country)) return { allowed: false, why: 'COUNTRY', country };
  return { allowed: true, country };
}

/** A7: the workspace's countries, or by default the country of its sender number, else the server's default country. */
export function allowedCountries(stored: string | null | undefined, senderNumber: string | null | undefined, defaultCountry: string): string[] {
  const list = parseCountryList(stored);
  if (list.length) return list;
  if (senderNumber) {
    try {
      const country = parsePhoneNumber(senderNumber).country;
      if (country) return [country];
    } catch {
      // an unparsable sender falls back to the server default
    }
  }
  return [defaultCountry];
}

/** Stored as "US,CA"; upper-cased, de-duplicated. */
export function parseCountryList(stored: string | null | undefined): string[] {
  if (!stored) return [];
  return [...new Set(stored.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

/** A7: a list an ADMIN typed, checked: every code a country libphonenumber knows. Returns the unknown ones. */
export function unknownCountries(codes: readonly string[]): string[] {
  return codes.filter((code) => !/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code as CountryCode));
}
