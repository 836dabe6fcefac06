import type { WebhookParams } from './webhook-params.js';
import { vonageNumberToE164 } from './vonage-number.util.js';

/** One part of a long text that arrives in several webhooks. */
interface InboundPartInfo {
  ref: string;
  total: number;
  part: number;
}

/** An inbound SMS webhook, checked and normalised. */
interface InboundSms {
  messageId: string;
  /** The handset that wrote, E.164. */
  from: string;
  /** Our number it was sent to, E.164. */
  to: string;
  /** Null for binary messages, which carry no text. */
  text: string | null;
  concat: InboundPartInfo | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const MAX_PARTS = 255;

/** Reads Vonage's inbound-message fields; a problem means 400 and nothing stored. */
export function parseInboundSms(params: WebhookParams): Parsed<InboundSms> {
  const messageId = params.messageId?.trim();
  if (!messageId || messageId.length > 64) return { ok: false, problem: 'messageId is missing or too long' };
  const from = vonageNumberToE164(params.msisdn);
  if (!from) return { ok: false, problem: 'msisdn is missing or not a phone number' };
  const to = vonageNumberToE164(params.to);
  if (!to) return { ok: false, problem: 'to is missing or not a phone number' };
  const binary = params.type === 'binary';
  if (!binary && params.text === undefined) return { ok: false, problem: 'text is missing' };

  let concat: InboundPartInfo | null = null;
  if (params.concat === 'true') {
    const ref = params['concat-ref']?.trim();
    const total = wholeNumber(params['concat-total']);
    const part = wholeNumber(params['concat-part']);
    if (!ref || ref.length > 40) return { ok: false, problem: 'concat-ref is missing or too long' };
    if (!total || total < 1 || total > MAX_PARTS) return { ok: false, problem: 'concat-total is not a part count' };
    if (!part || part < 1 || part > total) return { ok: false, problem: 'concat-part is not within concat-total' };
    concat = { ref, total, part };
  }
  return { ok: true, value: { messageId, from, to, text: binary ? null : params.text, concat } };
}

function wholeNumber(value: string | undefined): number | null {
  return value && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : null;
}
