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
    ['T2: Spanish é, ñ, ü, ¿ and ¡ are in the GSM-7 basic set', '¿Mañana? ¡Sí! No: pingüino, café', 'UCS-2', 1],
    ['T2: Spanish without á, í, ó, ú stays GSM-7', '¿Mañana? ¡Bien! pingüino, café', 'GSM-7', 1],
    ['T2: one á makes a Spanish text UCS-2', 'Está confirmado', 'UCS-2', 1],
    ['T2: one ó in 71 characters takes two UCS-2 segments', 'ó' + 'a'.repeat(70), 'UCS-2', 2],
    ['an extension character is not split across segments (305 septets, the escape at 153)', 'a'.repeat(152) + '€' + 'a'.repeat(151), 'GSM-7', 2],
    ['an extension character is not split across segments (306 septets take three)', 'a'.repeat(152) + '€' + 'a'.repeat(152), 'GSM-7', 3],
    ['a surrogate pair is not split across UCS-2 segments', 'ж'.repeat(66) + '👋' + 'ж'.repeat(66), 'UCS-2', 3],
  ])('%s', (_name, text, encoding, segments) => {
    expect(countSmsSegments(text)).toEqual({ encoding, segments });
  });
});
