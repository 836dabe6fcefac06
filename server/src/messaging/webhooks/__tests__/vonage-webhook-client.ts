import { createHmac } from 'node:crypto';
import type { TestServer } from '../../../../test/harness.js';

export const WEBHOOK_SECRET = 'test-signature-secret-0123456789';
/** The sender number createTestWorkspace gives every workspace. */
export const OUR_NUMBER = '+13306619491';

let nonce = 0;

// Signs as Vonage does (SHA-256 HMAC, the method the server is set to), written
// from the documented scheme so the tests do not verify the server with itself.
export function signed(params: Record<string, string>, options: { secret?: string; at?: Date } = {}): Record<string, string> {
  const all: Record<string, string> = { ...params, timestamp: String(Math.floor((options.at ?? new Date()).getTime() / 1000)), nonce: `nonce-${++nonce}` };
  const base = Object.keys(all)
    .sort()
    .map((name) => `&${name}=${all[name].replace(/[&=]/g, '_')}`)
    .join('');
  return { ...all, sig: createHmac('sha256', options.secret ?? WEBHOOK_SECRET).update(base).digest('hex').toUpperCase() };
}

let messageSeq = 0;
/** A fresh Vonage-style message id. */
export const vonageId = (prefix = '0A') => `${prefix}${Date.now().toString(16).toUpperCase()}${String(++messageSeq).padStart(6, '0')}`;

/** An inbound text from `from` (E.164) to our number, as Vonage describes it. */
export function inboundParams(from: string, text: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    msisdn: from.replace(/^\+/, ''),
    to: OUR_NUMBER.replace(/^\+/, ''),
    messageId: vonageId(),
    text,
    type: 'text',
    keyword: text.trim().split(/\s+/)[0]?.toUpperCase() ?? '',
    'message-timestamp': new Date().toISOString().slice(0, 19).replace('T', ' '),
    'api-key': 'abcd1234',
    ...extra,
  };
}

/** A delivery receipt for a text sent to `to` (E.164). */
export function receiptParams(to: string, messageId: string, status: string, errCode = '0', extra: Record<string, string> = {}): Record<string, string> {
  return {
    msisdn: to.replace(/^\+/, ''),
    to: OUR_NUMBER.replace(/^\+/, ''),
    'network-code': '310260',
    messageId,
    price: '0.00750000',
    status,
    scts: '2603020959',
    'err-code': errCode,
    'api-key': 'abcd1234',
    'message-timestamp': '2026-03-02 09:59:30',
    ...extra,
  };
}

export type WebhookEncoding = 'form' | 'json' | 'get';

export interface WebhookResponse {
  status: number;
  body: { result?: string; error?: string } | null;
}

/** Calls /webhooks/vonage/<path> the way Vonage does: a form or JSON POST, or a GET with a query string. */
export async function callWebhook(server: TestServer, path: 'inbound' | 'status', params: Record<string, string>, as: WebhookEncoding = 'form'): Promise<WebhookResponse> {
  const url = `${server.url}/webhooks/vonage/${path}`;
  const response =
    as === 'get'
      ? await fetch(`${url}?${new URLSearchParams(params)}`)
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
          body: as === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString(),
        });
  const text = await response.text();
  return { status: response.status, body: parseJson(text) };
}

function parseJson(text: string): WebhookResponse['body'] {
  try {
    return JSON.parse(text) as WebhookResponse['body'];
  } catch {
    return null;
  }
}
