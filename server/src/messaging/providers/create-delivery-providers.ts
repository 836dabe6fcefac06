import type { Config } from '../../config/config.js';
import type { TockMetrics } from '../../observability/metrics.js';
import { VonageNumberInsightLookup } from '../carrier/vonage-number-insight.lookup.js';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.js';
import { EmailGatewaySender } from './email-gateway.provider.js';
import { measuredRateLimiter } from './provider-metrics.js';
import { SandboxSmsProvider } from './sandbox-sms.provider.js';
import type { CarrierLookup, SmsProvider } from './sms-provider.js';
import { VonageSmsProvider } from './vonage-sms.provider.js';

/** The ways out the configuration allows. A null is "not configured", never an error. */
export interface DeliveryProviders {
  /** Vonage; the sandbox outside production without credentials; null in production without them (W3). */
  sms: SmsProvider | null;
  /** E8: the email-to-SMS fallback, with SMTP_URL. */
  emailGateway: EmailGatewaySender | null;
  /** E7: with Vonage credentials. */
  carrierLookup: CarrierLookup | null;
  close(): Promise<void>;
}

export function createDeliveryProviders(config: Config, options: { quiet?: boolean; metrics?: TockMetrics } = {}): DeliveryProviders {
  const metrics = options.metrics;
  const { apiKey, apiSecret, restHost, apiHost } = config.vonage;
  const credentials = apiKey && apiSecret ? { apiKey, apiSecret } : null;
  const rateLimit = credentials ? createRateLimiter(config) : null;
  const emailGateway = config.smtpUrl
    ? new EmailGatewaySender({ smtpUrl: config.smtpUrl, from: smtpSender(config) })
    : null;

  let sms: SmsProvider | null = null;
  if (credentials) sms = new VonageSmsProvider({ ...credentials, restHost, rateLimiter: rateLimit && metrics ? measuredRateLimiter(rateLimit.limiter, metrics) : rateLimit?.limiter });
  else if (config.env !== 'production') sms = new SandboxSmsProvider({ quiet: options.quiet ?? config.env === 'test' });

  return {
    sms,
    emailGateway,
    carrierLookup: credentials ? new VonageNumberInsightLookup({ ...credentials, apiHost }) : null,
    async close() {
      emailGateway?.close();
      await rateLimit?.close();
    },
  };
}

// E8: SMTP_FROM names the sender; a bare address gets the brand as display name.
// Without it (allowed outside production) the address is derived from PUBLIC_URL.
function smtpSender(config: Config): string {
  const from = config.smtpFrom ?? `sms@${new URL(config.publicUrl).hostname}`;
  return from.includes('<') ? from : `${config.brandName} <${from}>`;
}
