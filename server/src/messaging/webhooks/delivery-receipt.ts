import { MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { ReceiptUpdate } from '../delivery/delivery.service.js';
import { receiptMeansCarrierOptOut, receiptStatusToOutcome } from '../providers/vonage-codes.js';
import type { Parsed } from './inbound-sms.js';
import type { WebhookParams } from './webhook-params.js';
import { vonageNumberToE164 } from './vonage-number.util.js';

/** A Vonage delivery receipt (DLR), read into what the log needs. */
export interface DeliveryReceipt {
  update: ReceiptUpdate;
  /** The handset the text went to, E.164, as the receipt names it. */
  recipient: string;
  /** K7: the handset opted out at the carrier (err-code 9). */
  carrierOptOut: boolean;
}

/** L3: reads a receipt; a problem means 400 and nothing changed. */
export function parseDeliveryReceipt(params: WebhookParams, now: Date): Parsed<DeliveryReceipt> {
  const providerMessageId = params.messageId?.trim();
  if (!providerMessageId || providerMessageId.length > 64) return { ok: false, problem: 'messageId is missing or too long' };
  const recipient = vonageNumberToE164(params.msisdn);
  if (!recipient) return { ok: false, problem: 'msisdn is missing or not a phone number' };
  const status = params.status?.trim();
  if (!status) return { ok: false, problem: 'status is missing' };
  const errCode = params['err-code']?.trim() || null;
  if (errCode && !/^\d{1,4}$/.test(errCode)) return { ok: false, problem: 'err-code is not a number' };

  const outcome = receiptStatusToOutcome(status, errCode);
  const update: ReceiptUpdate = {
    providerMessageId,
    clientRef: params['client-ref']?.trim() || null,
    outcome: outcome.status === 'PENDING' ? null : outcome.status === 'DELIVERED' ? MessageStatus.DELIVERED : MessageStatus.FAILED,
    errorCode: outcome.status === 'FAILED' ? outcome.errorCode : null,
    reason: outcome.status === 'FAILED' ? outcome.reason : null,
    providerStatus: status.toLowerCase().slice(0, 32),
    providerCode: errCode,
    at: receiptTime(params) ?? now,
  };
  return { ok: true, value: { update, recipient, carrierOptOut: outcome.status === 'FAILED' && receiptMeansCarrierOptOut(errCode) } };
}

// When the carrier settled the text: `scts` (YYMMDDHHMM, UTC), else when Vonage
// sent the receipt (`message-timestamp`, "YYYY-MM-DD HH:MM:SS", UTC).
function receiptTime(params: WebhookParams): Date | null {
  const scts = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(params.scts?.trim() ?? '')?.slice(1).map(Number);
  const carrierTime = scts && utcDate(2000 + scts[0], scts[1], scts[2], scts[3], scts[4], 0);
  if (carrierTime) return carrierTime;
  const stamp = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(params['message-timestamp']?.trim() ?? '')?.slice(1).map(Number);
  return stamp ? utcDate(stamp[0], stamp[1], stamp[2], stamp[3], stamp[4], stamp[5]) : null;
}

// Date.UTC rolls 31 February over into March; such a stamp is not a time.
function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exact =
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return exact ? date : null;
}
