import { RECEIPT_ERROR_TEXT, SUBMISSION_STATUS_TEXT } from './vonage-codes.js';

/** Where a code came from: Vonage's answer to the send, its delivery receipt, or Tock itself. */
type CodeStage = 'SUBMISSION' | 'RECEIPT';

interface CodeExplanation {
  code: string;
  /** "Vonage send status", "Vonage delivery receipt" or "Tock". */
  source: string;
  title: string;
  meaning: string;
  whatToDo: string;
}

type Words = [meaning: string, whatToDo: string];

// C2: Vonage's SMS API submission statuses, from its documentation
// (developer.vonage.com, SMS API "Troubleshooting: error codes"), in words an admin can act on.
const SUBMISSION: Readonly<Record<string, Words>> = {
  '0': ['Vonage accepted the text for delivery.', 'Nothing; a delivery receipt follows.'],
  '1': ['Texts were sent faster than the Vonage account allows (30 per second by default).', 'Nothing: Tock waits and tries again. If it keeps happening, ask Vonage for a higher throughput.'],
  '2': ['The request to Vonage was missing a required value.', 'Contact Tock support with the message id; this should not happen.'],
  '3': ['A value sent to Vonage was invalid, most often the recipient number.', "Check the person's phone number, correct it, then resend."],
  '4': ['Vonage refused the API key or secret.', 'Fix VONAGE_API_KEY and VONAGE_API_SECRET, restart, then resend.'],
  '5': ['Vonage had an internal error.', 'Nothing: Tock tries again with back-off. If it ends FAILED, resend later.'],
  '6': ['Vonage could not process the text, often because the number has a prefix it does not recognise.', "Check the person's number and that its country is allowed, then resend."],
  '7': ['The number is barred at Vonage (it is on Vonage\'s blocklist, for example after an opt-out).', 'Do not resend. Ask the person for another number, or ask Vonage why the number is barred.'],
  '8': ['The Vonage account is suspended.', 'Contact Vonage support; nothing can be sent until the account is restored.'],
  '9': ['The Vonage account has not enough credit.', 'Top up the Vonage account, then resend the failed texts.'],
  '10': ['Too many connections to Vonage at once.', 'Nothing: Tock waits and tries again.'],
  '11': ['The Vonage account is not enabled for the HTTP SMS API.', 'Ask Vonage to enable it for this account.'],
  '12': ['The text is longer than Vonage allows.', 'Contact Tock support with the message id.'],
  '14': ['Vonage refused the request signature.', 'Check the signature secret settings of the Vonage account and Tock.'],
  '15': ['The sender number is not allowed for this destination (not a Vonage number, or not registered, e.g. US 10DLC or toll-free verification).', 'Use a sender number bought from Vonage and registered for this country (VONAGE_FROM), then resend.'],
  '22': ["Vonage cannot route to the recipient's mobile network.", "Tock tries the carrier's email-to-SMS gateway when one is known; otherwise ask the person for another number."],
  '23': ['The callback (receipt) address given to Vonage is invalid.', 'Check PUBLIC_URL and the delivery receipt webhook set in the Vonage dashboard.'],
  '29': ['The destination is not on the account\'s allowed list (a Vonage trial account texts only verified numbers).', 'Add the number to the test numbers in the Vonage dashboard, or upgrade the account, then resend.'],
  '32': ['Vonage refused a request that carried both a signature and the API secret.', 'Check the Vonage account\'s signing settings.'],
  '33': ['The number has been de-activated: it is no longer in service.', 'Do not resend. Ask the person for a new number.'],
};

// Vonage delivery receipt (DLR) err-codes, from its documentation (SMS API "Delivery receipts").
const RECEIPT: Readonly<Record<string, Words>> = {
  '0': ['The carrier confirmed delivery to the handset.', 'Nothing.'],
  '1': ['The carrier gave no reason for the failure.', 'Resend later. If it fails again, contact Vonage with the provider message id.'],
  '2': ['The phone was off or out of coverage, and the carrier stopped trying.', 'Resend later, when the person is likely reachable.'],
  '3': ['The number is no longer active on its network.', 'Do not resend. Ask the person for a new number.'],
  '4': ['The person has barred incoming texts on their line.', 'Ask the person to lift the bar, then resend.'],
  '5': ['The number was moved to another carrier and could not be routed.', 'Resend later; if it keeps failing, contact Vonage with the provider message id.'],
  '6': ["The carrier's spam filter rejected the text.", 'Do not resend repeatedly. Check the sender number\'s registration (US 10DLC or toll-free verification) with Vonage.'],
  '7': ['The handset was busy.', 'Resend later.'],
  '8': ['A network error on the way to the handset.', 'Resend later.'],
  '9': ['The person has opted out at their carrier (they texted STOP to the carrier).', 'Do not resend: Tock recorded an opt-out for this number. They can text START to opt back in.'],
  '10': ['The carrier rejected the content of the text.', 'Contact Tock support with the message id.'],
  '11': ["The carrier cannot route texts to this number.", "Tock uses the carrier's email-to-SMS gateway when one is known; otherwise check the number with the person."],
  '12': ['The handset could not be reached.', 'Resend later; if it keeps failing, check the number with the person.'],
  '13': ['The subscriber is age-restricted for this content.', 'Nothing can be done for this number.'],
  '14': ['The carrier blocks texts to this number.', 'The person has to ask their carrier to allow texts; then resend.'],
  '15': ["The person's prepaid account has no credit.", 'Resend later.'],
  '99': ['A general error at Vonage or the carrier.', 'Resend later; if it fails again, contact Vonage with the provider message id.'],
  // A failure receipt with no err-code is named by its status.
  EXPIRED: ['The carrier could not deliver the text within its validity period (the phone was off or unreachable for long).', 'Resend if the text still matters.'],
  REJECTED: ['The carrier or Vonage rejected the text.', 'Check the number and the sender number\'s registration, then resend.'],
  FAILED: ['The carrier reported the text as failed without a reason.', 'Resend later; if it fails again, contact Vonage with the provider message id.'],
};

// Codes Tock itself writes.
const TOCK: Readonly<Record<string, [title: string, meaning: string, whatToDo: string]>> = {
  INTERRUPTED: [
    'Sending was interrupted',
    'The worker stopped during the call to Vonage and no receipt came, so Tock cannot tell whether it went. It was not resent, to avoid a duplicate.',
    'Check with the person if you can; resend if it did not arrive.',
  ],
  NO_SMS_PROVIDER: ['No SMS provider', 'No SMS provider is configured, and no email-to-SMS gateway could take the text.', 'Configure Vonage (VONAGE_API_KEY, VONAGE_API_SECRET, VONAGE_FROM), then resend.'],
  RATE_LIMITER: ['Rate limiter unavailable', 'The shared rate limiter (Redis) could not be reached, so the text waited rather than risk the provider\'s limit.', 'Nothing if it recovers; otherwise check REDIS_URL.'],
  NETWORK: ['Vonage unreachable', 'Tock could not connect to Vonage.', 'Nothing: Tock tries again. If texts end FAILED, check the server\'s network, then resend.'],
  TIMEOUT: ['Vonage did not answer', 'Vonage did not answer in time; the text was not handed over.', 'Nothing: Tock tries again.'],
  NO_MESSAGES: ['Empty answer from Vonage', 'Vonage answered without a status for the text.', 'Nothing: Tock tries again.'],
  DATABASE: ['Database unavailable', "Tock's database was briefly out of reach; the text was kept and tried again.", 'Nothing.'],
  SHUTTING_DOWN: ['Worker stopping', 'The worker was stopping; the text was left for another worker.', 'Nothing.'],
  GATEWAY_SHUT_DOWN: ['Email gateway shut down', "The carrier's email-to-SMS gateway has been shut down.", 'Ask the person for a number on another carrier.'],
  BAD_NUMBER: ['Not a usable number', 'The number has no national part an email gateway could use.', "Correct the person's number, then resend."],
};

/** C2: a provider or Tock code in words, with what to do; null for a code Tock does not know. */
export function explainProviderCode(code: string | null | undefined, stage: CodeStage): CodeExplanation | null {
  const key = code?.trim().toUpperCase();
  if (!key) return null;
  const tock = TOCK[key];
  if (tock) return { code: key, source: 'Tock', title: tock[0], meaning: tock[1], whatToDo: tock[2] };
  const http = /^HTTP_(\d{3})$/.exec(key);
  if (http) {
    const status = Number(http[1]);
    return status === 429 || status >= 500
      ? { code: key, source: 'Vonage HTTP', title: `HTTP ${status}`, meaning: `Vonage answered HTTP ${status}: busy or unavailable.`, whatToDo: 'Nothing: Tock tries again with back-off.' }
      : { code: key, source: 'Vonage HTTP', title: `HTTP ${status}`, meaning: `Vonage refused the request with HTTP ${status}.`, whatToDo: 'Check the Vonage credentials and account, then resend.' };
  }
  const table = stage === 'RECEIPT' ? RECEIPT : SUBMISSION;
  const words = table[key];
  if (!words) return null;
  const title = stage === 'RECEIPT' ? (RECEIPT_ERROR_TEXT[key] ?? key.charAt(0) + key.slice(1).toLowerCase()) : (SUBMISSION_STATUS_TEXT[key] ?? key);
  return { code: key, source: stage === 'RECEIPT' ? 'Vonage delivery receipt' : 'Vonage send status', title, meaning: words[0], whatToDo: words[1] };
}
