import { describe, expect, it } from 'vitest';
import { parseKeyword } from '../keyword.js';

describe('K1: keyword parsing', () => {
  it.each([
    ['STOP', 'OPT_OUT', 'STOP'],
    ['STOPALL', 'OPT_OUT', 'STOPALL'],
    ['UNSUBSCRIBE', 'OPT_OUT', 'UNSUBSCRIBE'],
    ['CANCEL', 'OPT_OUT', 'CANCEL'],
    ['END', 'OPT_OUT', 'END'],
    ['QUIT', 'OPT_OUT', 'QUIT'],
    ['REVOKE', 'OPT_OUT', 'REVOKE'],
    ['OPTOUT', 'OPT_OUT', 'OPTOUT'],
    ['OPT OUT', 'OPT_OUT', 'OPT OUT'],
    ['START', 'OPT_IN', 'START'],
    ['UNSTOP', 'OPT_IN', 'UNSTOP'],
    ['YES', 'OPT_IN', 'YES'],
    ['HELP', 'HELP', 'HELP'],
    ['INFO', 'HELP', 'INFO'],
  ])('K1: %s is a keyword (%s)', (text, action, keyword) => {
    expect(parseKeyword(text)).toEqual({ action, keyword, language: 'en' });
  });

  it.each([
    ['ALTO', 'OPT_OUT', 'ALTO'],
    ['alto', 'OPT_OUT', 'ALTO'],
    ['Alto.', 'OPT_OUT', 'ALTO'],
    ['INICIO', 'OPT_IN', 'INICIO'],
    ['ayuda', 'HELP', 'AYUDA'],
    ['AUXILIO', 'HELP', 'AUXILIO'],
  ])('T2: the cited Spanish keyword %j is read as %s, in Spanish', (text, action, keyword) => {
    expect(parseKeyword(text)).toEqual({ action, keyword, language: 'es' });
  });

  it.each([
    ['stop', 'OPT_OUT', 'STOP'],
    [' Stop ', 'OPT_OUT', 'STOP'],
    ['\tSTOP\n', 'OPT_OUT', 'STOP'],
    ['StOpAlL', 'OPT_OUT', 'STOPALL'],
    ['opt out', 'OPT_OUT', 'OPT OUT'],
    ['opt   out', 'OPT_OUT', 'OPT OUT'],
    ['Opt\tOut', 'OPT_OUT', 'OPT OUT'],
    ['STOP.', 'OPT_OUT', 'STOP'],
    ['stop!', 'OPT_OUT', 'STOP'],
    ['Stop!!! ', 'OPT_OUT', 'STOP'],
    ['cancel?', 'OPT_OUT', 'CANCEL'],
    ['ＳＴＯＰ', 'OPT_OUT', 'STOP'],
    ['start', 'OPT_IN', 'START'],
    ['Yes.', 'OPT_IN', 'YES'],
    ['help?', 'HELP', 'HELP'],
    ['  info ', 'HELP', 'INFO'],
  ])('K1: %j is read trimmed and case-insensitively as %s', (text, action, keyword) => {
    expect(parseKeyword(text)).toEqual({ action, keyword, language: 'en' });
  });

  it.each([
    'STOP ME',
    'stopp',
    'sto p',
    'please stop',
    'STOP STOP',
    'I want to cancel my booking',
    'the end',
    'OPTOUTS',
    'opt-out',
    'OPT OUT NOW',
    'yes please',
    'HELP ME',
    'STOP?!x',
    '.STOP',
    'Running late, see you soon',
    '',
    '   ',
    '!!!',
  ])('K1: %j is not a keyword (the keyword must be the whole message)', (text) => {
    expect(parseKeyword(text)).toBeNull();
  });
});
