import { Language } from '../../common/language.js';

/** What an inbound text asks for (K1). */
export type KeywordAction = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export interface Keyword {
  action: KeywordAction;
  /** The keyword as matched, upper case, single-spaced: 'STOP', 'OPT OUT'. */
  keyword: string;
  /** T2: the language the keyword is in, which its reply answers in. */
  language: Language;
}

/** K1/T2: the keyword lists, as data: one list per action and language. */
export const KEYWORD_LISTS: readonly { action: KeywordAction; language: Language; words: readonly string[] }[] = [
  { action: 'OPT_OUT', language: Language.EN, words: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT'] },
  { action: 'OPT_IN', language: Language.EN, words: ['START', 'UNSTOP', 'YES'] },
  { action: 'HELP', language: Language.EN, words: ['HELP', 'INFO'] },
  // T2: only Spanish keywords a carrier or messaging provider publishes (README, "Spanish keywords"):
  // ALTO and AYUDA (Twilio's Spanish-language short code requirements), INICIO and AUXILIO (Textizen's reserved keywords).
  { action: 'OPT_OUT', language: Language.ES, words: ['ALTO'] },
  { action: 'OPT_IN', language: Language.ES, words: ['INICIO'] },
  { action: 'HELP', language: Language.ES, words: ['AYUDA', 'AUXILIO'] },
];

const KEYWORDS = new Map<string, { action: KeywordAction; language: Language }>(
  KEYWORD_LISTS.flatMap(({ action, language, words }) => words.map((word) => [word, { action, language }] as const)),
);

// Sentence punctuation a handset or its user may add after a word ("Stop.", "STOP!!").
const TRAILING_PUNCTUATION = /[.!?,;:]+$/u;

// K1: a keyword is the whole message, as carriers treat it: trimmed,
// case-insensitive, any run of whitespace counting as one space, with trailing
// punctuation ignored. "STOP ME" or "please stop" is conversation, not a
// keyword, so a sentence that merely contains "cancel" or "end" never opts
// anyone out by accident.
export function parseKeyword(text: string): Keyword | null {
  const normalised = text.normalize('NFKC').trim().replace(TRAILING_PUNCTUATION, '').trim().replace(/\s+/gu, ' ').toUpperCase();
  const match = KEYWORDS.get(normalised);
  return match ? { ...match, keyword: normalised } : null;
}
