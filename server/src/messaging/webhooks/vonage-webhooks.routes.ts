import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Config } from '../../config/config.js';
import { bindRequestContext } from '../../observability/http-logging.js';
import { log } from '../../observability/logger.js';
import type { InboundMessageService } from '../keywords/inbound-message.service.js';
import { parseDeliveryReceipt } from './delivery-receipt.js';
import type { DeliveryReceiptService } from './delivery-receipt.service.js';
import { parseInboundSms } from './inbound-sms.js';
import { checkWebhookRequest, type SignatureMethod, type WebhookAuthPolicy } from './vonage-signature.js';
import { webhookParams, type WebhookParams } from './webhook-params.js';

/** What the webhooks use: the two services they hand texts and receipts to, and the signature settings. */
export interface VonageWebhookDeps {
  config: Pick<Config, 'env'> & { vonage: Pick<Config['vonage'], 'signatureSecret'> };
  inbound: Pick<InboundMessageService, 'receive'>;
  receipts: Pick<DeliveryReceiptService, 'apply'>;
}

interface VonageWebhookOptions {
  /** The hash method chosen for the account in the Vonage dashboard. */
  signatureMethod?: SignatureMethod;
}

type Handler = (params: WebhookParams, res: Response) => Promise<void>;

/**
 * Vonage's SMS webhooks: inbound texts and delivery receipts, by GET (query
 * string) or POST (form-encoded or JSON). Every request is verified first (A3);
 * Vonage retries anything but a 2xx, so a malformed request gets a 4xx and an
 * internal failure a 5xx, and both change nothing.
 */
export function vonageWebhookRoutes({ config, inbound, receipts }: VonageWebhookDeps, options: VonageWebhookOptions = {}): Router {
  const policy: WebhookAuthPolicy = {
    secret: config.vonage.signatureSecret,
    method: options.signatureMethod ?? 'sha256',
    production: config.env === 'production',
  };
  if (!policy.secret && policy.production) {
    log.warn('VONAGE_SIGNATURE_SECRET is not set: every Vonage webhook is refused with 401 until it is (A3).');
  }

  const verified = (handler: Handler) => async (req: Request, res: Response) => {
    const params = webhookParams(req);
    if (!params) {
      res.status(400).json({ error: 'Every parameter must be a single value' });
      return;
    }
    const check = checkWebhookRequest(params, policy, new Date());
    if (!check.ok) {
      // A missing secret was reported once at start; a bad signature is worth a line each time.
      if (policy.secret) log.warn({ reason: check.reason }, `webhook refused: ${req.method} ${req.path}`);
      res.status(401).json({ error: 'Invalid or missing signature' });
      return;
    }
    await handler(params, res);
  };

  const onInbound = verified(async (params, res) => {
    const parsed = parseInboundSms(params);
    if (!parsed.ok) {
      res.status(400).json({ error: parsed.problem });
      return;
    }
    // Binary messages carry no text to read or log.
    if (parsed.value.text === null) {
      res.status(200).json({ result: 'ignored' });
      return;
    }
    const result = await inbound.receive({ ...parsed.value, text: parsed.value.text });
    res.status(200).json({ result });
  });

  const onStatus = verified(async (params, res) => {
    const parsed = parseDeliveryReceipt(params, new Date());
    if (!parsed.ok) {
      res.status(400).json({ error: parsed.problem });
      return;
    }
    res.status(200).json({ result: await receipts.apply(parsed.value) });
  });

  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' }), bindRequestContext);
  router.get('/inbound', onInbound);
  router.post('/inbound', onInbound);
  router.get('/status', onStatus);
  router.post('/status', onStatus);
  router.use(webhookErrors);
  return router;
}

// Unparseable or oversized bodies are the sender's fault; anything else is ours.
const webhookErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
  if (error.status && error.status >= 400 && error.status < 500) {
    res.status(error.status).json({ error: error.type === 'entity.too.large' ? 'Body too large' : 'Malformed body' });
    return;
  }
  // K8/O1: the logger keeps no SQL parameters or phone numbers.
  log.error({ err: error }, 'webhook failed');
  res.status(500).json({ error: 'Internal error' });
};
