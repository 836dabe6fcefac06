/** What an inbound text asks for (K1). */
export type KeywordAction = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export interface Keyword {
  action: KeywordAction;
  /** The keyword as matched, upper case, single-spaced: 'STOP', 'OPT OUT'. */
  keyword: string;
}

const KEYWORDS = new Map<string, KeywordAction>([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT'].map((k) => [k, 'OPT_OUT'] as const),
  ...['START', 'UNSTOP', 'YES'].map((k) => [k, 'OPT_IN'] as const),
  ...['HELP', 'INFO'].map((k) => [k, 'HELP'] as const),
]);

// Sentence punctuation a handset or its user may add after a word ("Stop.", "STOP!!").
const TRAILING_PUNCTUATION = /[.!?,;:]+$/u;

// K1: a keyword is the whole message, as carriers treat it: trimmed,
// case-insensitive, any run of whitespace counting as one space, with trailing
// punctuation ignored. "STOP ME" or "please stop" is conversation, not a
// keyword, so a sentence that merely contains "cancel" or "end" never opts
// anyone out by accident.
export function parseKeyword(text: string): Keyword | null {
  const normalised = text.normalize('NFKC').trim().replace(TRAILING_PUNCTUATION, '').trim().replace(/\s+/gu, ' ').toUpperCase();
  const action = KEYWORDS.get(normalised);
  return action ? { action, keyword: normalised } : null;
}
