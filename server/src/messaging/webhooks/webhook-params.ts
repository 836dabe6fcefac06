import type { Request } from 'express';

export type WebhookParams = Record<string, string>;

/**
 * The flat name/value pairs Vonage sent: the query string for GET, the body for
 * POST (form-encoded or JSON). Null when a value is not a single scalar (a
 * repeated or nested parameter), which no Vonage webhook sends.
 */
export function webhookParams(req: Request): WebhookParams | null {
  const body: unknown = req.body;
  const source: unknown = req.method === 'GET' || body === undefined || isEmptyObject(body) ? req.query : body;
  if (!source || typeof source !== 'object' || Array.isArray(source)) return null;
  const params: WebhookParams = {};
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    if (typeof value === 'string') params[name] = value;
    // JSON webhooks may carry numbers and booleans; they are signed as text.
    else if (typeof value === 'number' || typeof value === 'boolean') params[name] = String(value);
    else if (value !== null) return null;
  }
  return params;
}

function isEmptyObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.keys(value).length === 0;
}
