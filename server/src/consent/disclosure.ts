import { Language } from '../common/language.js';

// S3: the consent disclosure is fixed text with a version. A consent record
// stores the version, the language and the exact text shown, so the text may
// change later without rewriting history: add a version, never edit one.
// T2: each language has its own versions.
const DISCLOSURES: Record<Language, Record<string, (brand: string) => string>> = {
  [Language.EN]: {
    '2026-02': (brand) =>
      'By entering your phone number, you consent to receive messages for this event via SMS. ' +
      'Message and data rates may apply. You may receive up to 6 messages per each event. ' +
      `Reply STOP to opt out, HELP for help. ${brand}'s Privacy Policy and Terms of Service apply.`,
  },
  [Language.ES]: {
    '2026-12-es': (brand) =>
      'Al escribir su número de teléfono, acepta recibir mensajes SMS sobre esta cita. ' +
      'Pueden aplicar cargos por mensajes y datos. Puede recibir hasta 6 mensajes por cita. ' +
      `Responda ALTO para cancelar, AYUDA para ayuda. Se aplican la Política de Privacidad y los Términos de Servicio de ${brand}.`,
  },
};

/** The version shown today, per language. */
const CURRENT_DISCLOSURE_VERSIONS: Record<Language, string> = { [Language.EN]: '2026-02', [Language.ES]: '2026-12-es' };
export const CURRENT_DISCLOSURE_VERSION = CURRENT_DISCLOSURE_VERSIONS[Language.EN];

export interface Disclosure {
  version: string;
  language: Language;
  text: string;
}

export function disclosureFor(brand: string, version?: string | null, language: Language = Language.EN): Disclosure | null {
  const wanted = version || CURRENT_DISCLOSURE_VERSIONS[language];
  const render = DISCLOSURES[language][wanted];
  return render ? { version: wanted, language, text: render(brand) } : null;
}
