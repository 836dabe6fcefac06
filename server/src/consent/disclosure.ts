// S3: the consent disclosure is fixed text with a version. A consent record
// stores the version and the exact text shown, so the text may change later
// without rewriting history: add a version, never edit one.
const DISCLOSURES: Record<string, (brand: string) => string> = {
  '2026-02': (brand) =>
    'By entering your phone number, you consent to receive messages for this event via SMS. ' +
    'Message and data rates may apply. You may receive up to 6 messages per each event. ' +
    `Reply STOP to opt out, HELP for help. ${brand}'s Privacy Policy and Terms of Service apply.`,
};

export const CURRENT_DISCLOSURE_VERSION = '2026-02';

export interface Disclosure {
  version: string;
  text: string;
}

export function disclosureFor(brand: string, version = CURRENT_DISCLOSURE_VERSION): Disclosure | null {
  const render = DISCLOSURES[version];
  return render ? { version, text: render(brand) } : null;
}
