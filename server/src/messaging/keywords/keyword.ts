/** What an inbound text asks for (K1). */
export type KeywordAction = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export interface Keyword {
  action: KeywordAction;
  /** The keyword as matched, upper case, single-spaced: 'STOP', 'OPT OUT'. */
  keyword: string;
}

/**
 * The keywords of each action, upper case, words single-spaced. Data, not
 * code: a language adds its words here and matching stays the same.
 */
export const KEYWORDS: Record<KeywordAction, readonly string[]> = {
  OPT_OUT: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT'],
  OPT_IN: ['START', 'UNSTOP', 'YES'],
  HELP: ['HELP', 'INFO'],
};

/**
 * K8: words that, inside a longer text, show a wish to stop ("stop please",
 * "please stop texting me"). Such a text is not an opt-out, but is answered
 * once with how to opt out. CANCEL, END and QUIT are left out: "cancel my
 * shift" or "quit early" is about the shift, not the texts.
 */
export const OPT_OUT_HINTS: readonly string[] = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'OPTOUT', 'OPT OUT', 'REVOKE'];

const BY_KEYWORD = new Map<string, KeywordAction>(
  (Object.entries(KEYWORDS) as [KeywordAction, readonly string[]][]).flatMap(([action, words]) => words.map((word) => [word, action] as const)),
);

// Format characters (\p{Cf}): zero-width spaces and joiners, the BOM, soft
// hyphens, and the bidi marks and isolates that can hide inside a word.
const INVISIBLE = /\p{Cf}/gu;
// Joiners people and keyboards put inside a keyword: OPT-OUT, OPT_OUT, OPT–OUT.
const WORD_JOINERS = /[-_\u2010-\u2015\u2212\u2043]/gu;
// Quotes, punctuation and symbols (emoji too) around the text: "STOP", 'stop', «STOP», STOP!!, .STOP
const EDGES = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const INNER_PUNCTUATION = /[\p{P}\p{S}]+/gu;

/** K8: the text as keywords are matched: NFKC, invisible characters removed, joiners as spaces, upper case, single-spaced. */
export function normaliseInboundText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(WORD_JOINERS, ' ').replace(/\s+/gu, ' ').trim().toUpperCase();
}

// K1: a keyword is the whole message, as carriers treat it: case-insensitive,
// any run of whitespace counting as one space, and (K8) after normalisation,
// with the quotes and punctuation around it ignored. "STOP ME" or "please
// stop" is conversation, not a keyword, so a sentence that merely contains
// "cancel" or "end" never opts anyone out by accident.
export function parseKeyword(text: string): Keyword | null {
  const candidate = normaliseInboundText(text).replace(EDGES, '').replace(/\s+/gu, ' ');
  const action = BY_KEYWORD.get(candidate);
  return action ? { action, keyword: candidate } : null;
}

/** K8: a text that is not a keyword but carries an opt-out word among its words. */
export function suggestsOptOut(text: string): boolean {
  if (parseKeyword(text)) return false;
  const words = ` ${normaliseInboundText(text).replace(INNER_PUNCTUATION, ' ').replace(/\s+/gu, ' ').trim()} `;
  return OPT_OUT_HINTS.some((hint) => words.includes(` ${hint} `));
}
