import { describe, expect, it } from 'vitest';
import { Language } from '../../common/language.js';
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
    ['a bad number', fine, { smsRequired: true, phoneProblem: { kind: 'INVALID' as const, detail: 'not a valid phone number' } }, ['phone']],
    ['consent without a phone, SMS optional', { ...fine, phone: ' ' }, { smsRequired: false, phoneProblem: null }, ['phone']],
    ['no session chosen', { ...fine, sessionId: '' }, required, ['sessionId']],
    ['nothing at all', { name: '', email: '', sessionId: '', phone: '', smsConsent: false }, required, ['name', 'email', 'sessionId', 'phone', 'smsConsent']],
  ] as const)('%s', (_name, fields, rules, expected) => {
    expect(signupProblems(fields, rules).map((p) => p.field)).toEqual(expected);
  });
});

describe('signupProblems in the page’s language (T2)', () => {
  const nothing = { name: '', email: '', sessionId: '', phone: '', smsConsent: false };
  it('T2: a Spanish page gets every problem in Spanish; an English page in English', () => {
    expect(signupProblems(nothing, { ...required, language: Language.ES }).map((p) => p.message)).toEqual([
      'Escriba su nombre',
      'Escriba su correo electrónico',
      'Elija un horario para su sesión',
      'Se necesita un número de móvil para reservar en este estudio',
      'Acepte recibir mensajes de texto sobre esta cita',
    ]);
    expect(signupProblems(nothing, required)[0].message).toBe('Please enter your name');
  });

  it('T2: a number problem keeps its English detail for English, and says what to do in Spanish', () => {
    const refused = { smsRequired: true, phoneProblem: { kind: 'NOT_ALLOWED' as const, detail: 'Texts cannot go to numbers in CU' } };
    expect(signupProblems(fine, refused)[0].message).toBe('Texts cannot go to numbers in CU');
    expect(signupProblems(fine, { ...refused, language: Language.ES })[0].message).toMatch(/^No podemos enviar mensajes a este número/);
  });
});
