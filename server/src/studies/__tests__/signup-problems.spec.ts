import { describe, expect, it } from 'vitest';
import { signupProblems } from '../signup-problems.util.js';

const fine = { name: 'Ada', email: 'ada@example.com', sessionId: 's1', phone: '+14155550100', smsConsent: true };
const required = { smsRequired: true, phoneProblem: null };

describe('signupProblems: every field problem at once (S2, A6)', () => {
  it.each([
    ['all fine', fine, required, []],
    ['blank name', { ...fine, name: '  ' }, required, ['name']],
    ['name too long', { ...fine, name: 'x'.repeat(161) }, required, ['name']],
    ['bad email', { ...fine, email: 'ada@' }, required, ['email']],
    ['no phone, no consent, SMS required', { ...fine, phone: null, smsConsent: false }, required, ['phone', 'smsConsent']],
    ['a bad number', fine, { smsRequired: true, phoneProblem: 'not a valid phone number' }, ['phone']],
    ['consent without a phone, SMS optional', { ...fine, phone: ' ' }, { smsRequired: false, phoneProblem: null }, ['phone']],
    ['no session chosen', { ...fine, sessionId: '' }, required, ['sessionId']],
    ['nothing at all', { name: '', email: '', sessionId: '', phone: '', smsConsent: false }, required, ['name', 'email', 'sessionId', 'phone', 'smsConsent']],
  ] as const)('%s', (_name, fields, rules, expected) => {
    expect(signupProblems(fields, rules).map((p) => p.field)).toEqual(expected);
  });
});
