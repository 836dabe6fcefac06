import { describe, expect, it } from 'vitest';
import { parseKeyword, suggestsOptOut } from '../keyword.js';

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
    'OPT OUT NOW',
    'yes please',
    'HELP ME',
    'STOP?!x',
    'Running late, see you soon',
    '',
    '   ',
    '!!!',
  ])('K1: %j is not a keyword (the keyword must be the whole message)', (text) => {
    expect(parseKeyword(text)).toBeNull();
  });

  it.each([
    ['OPT-OUT', 'OPT_OUT', 'OPT OUT'],
    ['opt_out', 'OPT_OUT', 'OPT OUT'],
    ['Opt\u2013out', 'OPT_OUT', 'OPT OUT'],
    ['"STOP"', 'OPT_OUT', 'STOP'],
    ['\u201cStop\u201d', 'OPT_OUT', 'STOP'],
    ["'stop'", 'OPT_OUT', 'STOP'],
    ['\u00abSTOP\u00bb', 'OPT_OUT', 'STOP'],
    ['STOP\u200b', 'OPT_OUT', 'STOP'],
    ['\ufeffSTOP', 'OPT_OUT', 'STOP'],
    ['S\u200dT\u200cOP', 'OPT_OUT', 'STOP'],
    ['\u202eSTOP\u202c', 'OPT_OUT', 'STOP'],
    ['\u2067stop\u2069', 'OPT_OUT', 'STOP'],
    ['\u200fSTOP\u200e', 'OPT_OUT', 'STOP'],
    ['ST\u00adOP', 'OPT_OUT', 'STOP'],
    ['.STOP', 'OPT_OUT', 'STOP'],
    ['(stop)', 'OPT_OUT', 'STOP'],
    ['\uff33\uff34\uff2f\uff30\uff01', 'OPT_OUT', 'STOP'],
    ['"Help?"', 'HELP', 'HELP'],
  ])('K8: %j is matched after normalisation as %s', (text, action, keyword) => {
    expect(parseKeyword(text)).toEqual({ action, keyword, language: 'en' });
  });

  it.each(['stop please', 'please stop texting me', 'STOP STOP', 'Stop! I never signed up', 'how do I unsubscribe?', 'opt-out of this please', 'pls s\u200btop now'])(
    'K8: %j is not a keyword but suggests an opt-out (it gets one clarifying reply)',
    (text) => {
      expect(parseKeyword(text)).toBeNull();
      expect(suggestsOptOut(text)).toBe(true);
    },
  );

  it.each(['cancel my shift', 'I want to cancel my booking', 'the end', 'quit early today?', 'Running late, see you soon', 'stopped by the desk', 'STOP', 'unstoppable'])(
    'K8: %j suggests no opt-out (a keyword itself, or no opt-out word)',
    (text) => {
      expect(suggestsOptOut(text)).toBe(false);
    },
  );
});
