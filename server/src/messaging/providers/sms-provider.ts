import type { MessageChannel } from '../../comms-log/comms-log.enums.js';

/** One text to hand to a provider. */
export interface OutgoingSms {
  /** E.164 */
  to: string;
  /** E.164 sender number */
  from: string;
  text: string;
  /** Our reference (the log entry id), echoed back by Vonage as client-ref. */
  clientRef: string;
}

/**
 * What came of handing a text over:
 * - `sent`: accepted; DELIVERED or FAILED comes later from a receipt.
 * - `retry`: not accepted for a passing reason (throttled, 5xx, timeout); try again later.
 * - `failed`: refused for good. `directUnavailable` says direct SMS cannot reach this
 *   recipient's carrier, so the email-to-SMS gateway may be tried (E8).
 */
export type SendResult =
  | { outcome: 'sent'; providerMessageId: string }
  | { outcome: 'retry'; errorCode: string; reason: string; retryAfterMs?: number }
  | { outcome: 'failed'; errorCode: string; reason: string; directUnavailable: boolean };

/** A way to deliver a text: Vonage, the email-to-SMS gateway, or the sandbox recorder. */
export interface SmsProvider {
  readonly channel: MessageChannel;
  /**
   * L5/L6: waits until the provider's rate limit lets `sms` go, before the
   * entry is claimed (so a crash while waiting leaves nothing in doubt). A
   * `retry` result when the limiter cannot be asked; null when it may go.
   */
  awaitTurn?(sms: OutgoingSms): Promise<Extract<SendResult, { outcome: 'retry' }> | null>;
  /** Hands the text over, now (after awaitTurn). */
  send(sms: OutgoingSms): Promise<SendResult>;
}

/** E7: what a carrier look-up found. */
export interface CarrierInfo {
  carrierName: string | null;
  networkCode: string | null;
  /** Number Insight's network_type (mobile, landline, landline_premium, …), when it says. */
  lineType: string | null;
}

/** E7: carrier look-up behind an interface (Vonage Number Insight is retired in Feb 2027). */
export interface CarrierLookup {
  /** Throws when the look-up fails; the number stays usable for direct SMS. */
  lookup(phone: string): Promise<CarrierInfo>;
}
