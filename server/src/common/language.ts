import { registerEnumType } from 'type-graphql';

/** T2: the languages Tock writes texts, replies and disclosures in. */
export enum Language {
  EN = 'en',
  ES = 'es',
}
registerEnumType(Language, { name: 'Language', description: 'T2: English or Spanish' });

// The locale each language formats dates with: US Spanish writes "mar, 1 de dic, 9:00 a.m. PST",
// keeping the US zone abbreviations the recipients know.
export const LOCALE: Record<Language, string> = { [Language.EN]: 'en-US', [Language.ES]: 'es-US' };

/** A browser's language list ("es-MX,es;q=0.9,en;q=0.8") or tag to the first language Tock speaks; English otherwise. */
export function languageFromTags(tags: string | readonly string[] | null | undefined): Language {
  const list = typeof tags === 'string' ? tags.split(',') : (tags ?? []);
  for (const tag of list) {
    const primary = tag.trim().split(/[-_;]/u)[0]?.toLowerCase();
    if (primary === 'es') return Language.ES;
    if (primary === 'en') return Language.EN;
  }
  return Language.EN;
}
