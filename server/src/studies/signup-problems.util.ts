import { isEmail } from 'class-validator';
import type { FieldProblem } from '../common/tock-error.js';

export const SIGNUP_NAME_MAX = 160;
export const SIGNUP_EMAIL_MAX = 254;

export interface SignupFields {
  name: string;
  email: string;
  sessionId: string;
  phone?: string | null;
  smsConsent: boolean;
}

export interface SignupRules {
  /** S2: workspace SMS and the study's reminders are on. */
  smsRequired: boolean;
  /** What is wrong with the number given (A5 format, A7 destination), if anything. */
  phoneProblem: string | null;
}

// Pure: every field problem of a signup at once, in the page's field order,
// so the form can show them all and move focus to the first (S2, A6).
export function signupProblems(fields: SignupFields, rules: SignupRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = fields.name.trim();
  if (!name) problems.push({ field: 'name', message: 'Please enter your name' });
  else if (name.length > SIGNUP_NAME_MAX) problems.push({ field: 'name', message: `Please shorten your name to ${SIGNUP_NAME_MAX} characters` });
  const email = fields.email.trim();
  if (!email) problems.push({ field: 'email', message: 'Please enter your email address' });
  else if (email.length > SIGNUP_EMAIL_MAX || !isEmail(email)) problems.push({ field: 'email', message: 'Please enter a valid email address, like name@example.com' });
  if (!fields.sessionId.trim()) problems.push({ field: 'sessionId', message: 'Choose a time for your session' });
  const hasPhone = !!fields.phone?.trim();
  if (hasPhone && rules.phoneProblem) problems.push({ field: 'phone', message: rules.phoneProblem });
  else if (!hasPhone && rules.smsRequired) problems.push({ field: 'phone', message: 'A mobile number is required to book this study' });
  else if (!hasPhone && fields.smsConsent) problems.push({ field: 'phone', message: 'Consent to SMS needs a mobile number' });
  if (rules.smsRequired && !fields.smsConsent) problems.push({ field: 'smsConsent', message: 'Please agree to receive SMS messages for this booking' });
  return problems;
}
