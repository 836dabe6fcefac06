// What Vonage's SMS API codes mean for Tock. Pure: no I/O, no SDK.
//
// Submission status (the `status` of each part in the POST /sms/json answer):
//
// | status | Vonage meaning                      | Tock outcome                       |
// |--------|-------------------------------------|------------------------------------|
// | 0      | success                             | sent                               |
// | 1      | throttled                           | retry (after THROTTLE_RETRY_AFTER_MS, L5) |
// | 5      | internal error                      | retry                              |
// | 10     | too many existing binds             | retry (Vonage: "back-off and retry") |
// | 22     | invalid network code / not supported| failed, directUnavailable (E8)     |
// | 29     | non-whitelisted destination         | failed, directUnavailable (E8)     |
// | other  | 2,3,4,6,7,8,9,11,12,14,15,23,32,33… | failed (errorCode = status, reason = error-text) |
//
// HTTP 429, HTTP 5xx, network errors and timeouts are retried too (the provider maps them).
// 22 and 29 are refusals of the destination network, not of the number or of
// our account, so another route (the carrier's email gateway) may still reach the
// recipient. 7 (number barred) and 33 (number de-activated) are about the number
// itself: no other route should try it.
//
// Delivery receipt (DLR) `err-code`:
//
// | err-code | Vonage meaning                      | Tock                                |
// |----------|-------------------------------------|-------------------------------------|
// | 0        | delivered                           | DELIVERED (with status delivered)   |
// | 9        | illegal number: the handset opted out at the carrier | FAILED + carrier opt-out (K7) |
// | 11       | unroutable                          | FAILED, directUnavailable (E8)      |
// | 12       | destination unreachable             | FAILED, directUnavailable (E8)      |
// | other    | 1–8, 10, 13–15, 99                  | FAILED with the code                |

export const THROTTLE_RETRY_AFTER_MS = 1_000;

const SUBMISSION_RETRY = new Set(['1', '5', '10']);
const SUBMISSION_DIRECT_UNAVAILABLE = new Set(['22', '29']);
const RECEIPT_DIRECT_UNAVAILABLE = new Set(['11', '12']);
const RECEIPT_CARRIER_OPT_OUT = '9';

export const SUBMISSION_STATUS_TEXT: Readonly<Record<string, string>> = {
  '0': 'Success',
  '1': 'Throttled',
  '2': 'Missing parameters',
  '3': 'Invalid parameters',
  '4': 'Invalid credentials',
  '5': 'Internal error',
  '6': 'Invalid message',
  '7': 'Number barred',
  '8': 'Partner account barred',
  '9': 'Partner quota violation',
  '10': 'Too many existing binds',
  '11': 'Account not enabled for HTTP',
  '12': 'Message too long',
  '14': 'Invalid signature',
  '15': 'Invalid sender address',
  '22': 'Invalid network code',
  '23': 'Invalid callback URL',
  '29': 'Non-whitelisted destination',
  '32': 'Signature and API secret disallowed',
  '33': 'Number de-activated',
};

export const RECEIPT_ERROR_TEXT: Readonly<Record<string, string>> = {
  '0': 'Delivered',
  '1': 'Unknown',
  '2': 'Absent subscriber (temporary)',
  '3': 'Absent subscriber (permanent)',
  '4': 'Call barred by user',
  '5': 'Portability error',
  '6': 'Anti-spam rejection',
  '7': 'Handset busy',
  '8': 'Network error',
  '9': 'Illegal number (opted out at the carrier)',
  '10': 'Illegal message',
  '11': 'Unroutable',
  '12': 'Destination unreachable',
  '13': 'Subscriber age restriction',
  '14': 'Number blocked by carrier',
  '15': 'Prepaid insufficient funds',
  '99': 'General error',
};

type SubmissionOutcome = 'sent' | 'retry' | 'failed' | 'failed-direct-unavailable';

export function submissionStatusOutcome(status: string): SubmissionOutcome {
  if (status === '0') return 'sent';
  if (SUBMISSION_RETRY.has(status)) return 'retry';
  return SUBMISSION_DIRECT_UNAVAILABLE.has(status) ? 'failed-direct-unavailable' : 'failed';
}

/** E8: a receipt err-code that says direct SMS cannot reach this recipient's carrier. */
export function receiptMeansDirectUnavailable(errCode: string | number | null | undefined): boolean {
  return RECEIPT_DIRECT_UNAVAILABLE.has(String(errCode ?? ''));
}

/** K7: a receipt err-code that says the handset opted out at the carrier. */
export function receiptMeansCarrierOptOut(errCode: string | number | null | undefined): boolean {
  return String(errCode ?? '') === RECEIPT_CARRIER_OPT_OUT;
}

/** L3: what a delivery receipt does to a log entry. PENDING leaves it as it is. */
type ReceiptOutcome =
  | { status: 'DELIVERED' }
  | { status: 'FAILED'; errorCode: string; reason: string }
  | { status: 'PENDING' };

export function receiptStatusToOutcome(status: string, errCode: string | number | null | undefined): ReceiptOutcome {
  const code = String(errCode ?? '').trim() || '0';
  const name = status.trim().toLowerCase();
  // A failure receipt without an err-code is named by its status (e.g. "expired").
  const failed = (): ReceiptOutcome =>
    code === '0'
      ? { status: 'FAILED', errorCode: name.toUpperCase(), reason: `Receipt status ${name}` }
      : { status: 'FAILED', errorCode: code, reason: RECEIPT_ERROR_TEXT[code] ?? `Delivery error ${code}` };
  switch (name) {
    case 'delivered':
      return { status: 'DELIVERED' };
    case 'expired':
    case 'failed':
    case 'rejected':
      return failed();
    // Vonage: every receipt with a non-zero err-code means the text did not arrive.
    case 'unknown':
      return code === '0' ? { status: 'PENDING' } : failed();
    // accepted / buffered: on its way; an unrecognised status changes nothing either.
    default:
      return { status: 'PENDING' };
  }
}
