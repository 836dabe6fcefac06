// GSM 03.38: the basic set costs one septet, the extension set two (escape + char).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

// Packs units into segments of `perSegment`, never splitting one character's
// units (an escape and its character, a surrogate pair) across two segments,
// as handsets and Vonage do; a simple ceil(total / 153) undercounts there.
function pack(units: number[], single: number, perSegment: number): number {
  const total = units.reduce((sum, n) => sum + n, 0);
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const n of units) {
    if (used + n > perSegment) {
      segments += 1;
      used = 0;
    }
    used += n;
  }
  return segments;
}

/**
 * How many SMS segments a text takes: GSM-7 160/153 septets, else UCS-2 70/67
 * UTF-16 units. Spanish: é, ñ, ü, ¿, ¡ are GSM-7, but á, í, ó, ú are not, so
 * one of them makes the whole text UCS-2 (T2).
 */
export function countSmsSegments(text: string): SegmentCount {
  const chars = [...text];
  const septets: number[] = [];
  for (const char of chars) {
    if (GSM_BASIC.includes(char)) septets.push(1);
    else if (GSM_EXTENDED.includes(char)) septets.push(2);
    else return { encoding: 'UCS-2', segments: pack(chars.map((c) => c.length), 70, 67) };
  }
  return { encoding: 'GSM-7', segments: pack(septets, 160, 153) };
}
