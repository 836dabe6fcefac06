import { Language } from '../../common/language.js';

/** What an inbound text asks for (K1). */
type KeywordAction = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export interface Keyword {
  action: KeywordAction;
  /** The keyword as matched, upper case, single-spaced: 'STOP', 'OPT OUT'. */
  keyword: string;
  /** T2: the language the keyword is in, which its reply answers in. */
  language: Language;
}

/** K1/T2: the keyword lists, as data: one list per action and language. */
const KEYWORD_LISTS: readonly { action: KeywordAction; language: Language; words: readonly string[] }[] = [
  { action: 'OPT_OUT', language: Language.EN, words: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT'] },
  { action: 'OPT_IN', language: Language.EN, words: ['START', 'UNSTOP', 'YES'] },
  { action: 'HELP', language: Language.EN, words: ['HELP', 'INFO'] },
  // T2: only Spanish keywords a carrier or messaging provider publishes (README, "Spanish keywords"):
  // ALTO and AYUDA (Twilio's Spanish-language short code requirements), INICIO and AUXILIO (Textizen's reserved keywords).
  { action: 'OPT_OUT', language: Language.ES, words: ['ALTO'] },
  { action: 'OPT_IN', language: Language.ES, words: ['INICIO'] },
  { action: 'HELP', language: Language.ES, words: ['AYUDA', 'AUXILIO'] },
];

/**
 * K8: words that, inside a longer text, show a wish to stop ("stop please",
 * "please stop texting me"). Such a text is not an opt-out, but is answered
 * once with how to opt out. CANCEL, END and QUIT are left out: "cancel my
 * shift" or "quit early" is about the shift, not the texts.
 */
const OPT_OUT_HINTS: readonly string[] = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'OPTOUT', 'OPT OUT', 'REVOKE'];

const BY_KEYWORD = new Map<string, { action: KeywordAction; language: Language }>(
  KEYWORD_LISTS.flatMap(({ action, language, words }) => words.map((word) => [word, { action, language }] as const)),
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
function normaliseInboundText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(WORD_JOINERS, ' ').replace(/\s+/gu, ' ').trim().toUpperCase();
}

// K1: a keyword is the whole message, as carriers treat it: case-insensitive,
// any run of whitespace counting as one space, and (K8) after normalisation,
// with the quotes and punctuation around it ignored. "STOP ME" or "please
// stop" is conversation, not a keyword, so a sentence that merely contains
// "cancel" or "end" never opts anyone out by accident.
export function parseKeyword(text: string): Keyword | null {
  const candidate = normaliseInboundText(text).replace(EDGES, '').replace(/\s+/gu, ' ');
  const match = BY_KEYWORD.get(candidate);
  return match ? { ...match, keyword: candidate } : null;
}

/** K8: a text that is not a keyword but carries an opt-out word among its words. */
export function suggestsOptOut(text: string): boolean {
  if (parseKeyword(text)) return false;
  const words = ` ${normaliseInboundText(text).replace(INNER_PUNCTUATION, ' ').replace(/\s+/gu, ' ').trim()} `;
  return OPT_OUT_HINTS.some((hint) => words.includes(` ${hint} `));
}
