import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../sms-segments.util.js';

describe('countSmsSegments', () => {
  it.each<[string, string, 'GSM-7' | 'UCS-2', number]>([
    ['empty', '', 'GSM-7', 1],
    ['160 GSM characters fit one segment', 'a'.repeat(160), 'GSM-7', 1],
    ['161 GSM characters take two of 153', 'a'.repeat(161), 'GSM-7', 2],
    ['306 GSM characters take two', 'a'.repeat(306), 'GSM-7', 2],
    ['307 GSM characters take three', 'a'.repeat(307), 'GSM-7', 3],
    ['extension characters count twice', '€'.repeat(80), 'GSM-7', 1],
    ['81 euro signs overflow', '€'.repeat(81), 'GSM-7', 2],
    ['one emoji makes the text UCS-2', 'See you soon 👋', 'UCS-2', 1],
    ['70 UCS-2 units fit one segment', 'ж'.repeat(70), 'UCS-2', 1],
    ['71 UCS-2 units take two of 67', 'ж'.repeat(71), 'UCS-2', 2],
    ['accented letters in the GSM set stay GSM-7', 'Café à Malmö', 'GSM-7', 1],
  ])('%s', (_name, text, encoding, segments) => {
    expect(countSmsSegments(text)).toEqual({ encoding, segments });
  });
});
