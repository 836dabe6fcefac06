import { isEmail } from 'class-validator';
import { Language } from '../common/language.js';
import type { FieldProblem } from '../common/tock-error.js';

const SIGNUP_NAME_MAX = 160;
const SIGNUP_EMAIL_MAX = 254;

interface SignupFields {
  name: string;
  email: string;
  sessionId: string;
  phone?: string | null;
  smsConsent: boolean;
}

export interface SignupRules {
  /** S2: workspace SMS and the study's reminders are on. */
  smsRequired: boolean;
  /** What is wrong with the number given (A5 format, A7 destination), if anything; `detail` is in English. */
  phoneProblem: { kind: 'INVALID' | 'NOT_ALLOWED'; detail: string } | null;
  /** T2: the page's language; the problems are written in it. */
  language?: Language | null;
}

// T2: the words of each problem, in the language of the page that sent the signup.
const WORDS = {
  [Language.EN]: {
    noName: 'Please enter your name',
    longName: (max: number) => `Please shorten your name to ${max} characters`,
    noEmail: 'Please enter your email address',
    badEmail: 'Please enter a valid email address, like name@example.com',
    noSession: 'Choose a time for your session',
    phone: (problem: NonNullable<SignupRules['phoneProblem']>) => problem.detail,
    phoneRequired: 'A mobile number is required to book this study',
    consentNeedsPhone: 'Consent to SMS needs a mobile number',
    noConsent: 'Please agree to receive SMS messages for this booking',
  },
  [Language.ES]: {
    noName: 'Escriba su nombre',
    longName: (max: number) => `Acorte su nombre a ${max} caracteres`,
    noEmail: 'Escriba su correo electrónico',
    badEmail: 'Escriba un correo electrónico válido, como nombre@ejemplo.com',
    noSession: 'Elija un horario para su sesión',
    phone: (problem: NonNullable<SignupRules['phoneProblem']>) =>
      problem.kind === 'INVALID' ? 'Escriba un número de móvil válido' : 'No podemos enviar mensajes a este número; use un número de móvil de su país',
    phoneRequired: 'Se necesita un número de móvil para reservar en este estudio',
    consentNeedsPhone: 'Para aceptar los mensajes hace falta un número de móvil',
    noConsent: 'Acepte recibir mensajes de texto sobre esta cita',
  },
};

// Pure: every field problem of a signup at once, in the page's field order,
// so the form can show them all and move focus to the first (S2, A6).
export function signupProblems(fields: SignupFields, rules: SignupRules): FieldProblem[] {
  const t = WORDS[rules.language ?? Language.EN];
  const problems: FieldProblem[] = [];
  const name = fields.name.trim();
  if (!name) problems.push({ field: 'name', message: t.noName });
  else if (name.length > SIGNUP_NAME_MAX) problems.push({ field: 'name', message: t.longName(SIGNUP_NAME_MAX) });
  const email = fields.email.trim();
  if (!email) problems.push({ field: 'email', message: t.noEmail });
  else if (email.length > SIGNUP_EMAIL_MAX || !isEmail(email)) problems.push({ field: 'email', message: t.badEmail });
  if (!fields.sessionId.trim()) problems.push({ field: 'sessionId', message: t.noSession });
  const hasPhone = !!fields.phone?.trim();
  if (hasPhone && rules.phoneProblem) problems.push({ field: 'phone', message: t.phone(rules.phoneProblem) });
  else if (!hasPhone && rules.smsRequired) problems.push({ field: 'phone', message: t.phoneRequired });
  else if (!hasPhone && fields.smsConsent) problems.push({ field: 'phone', message: t.consentNeedsPhone });
  if (rules.smsRequired && !fields.smsConsent) problems.push({ field: 'smsConsent', message: t.noConsent });
  return problems;
}
