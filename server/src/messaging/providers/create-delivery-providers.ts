import type { Config } from '../../config/config.js';
import { VonageNumberInsightLookup } from '../carrier/vonage-number-insight.lookup.js';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.js';
import { EmailGatewaySender } from './email-gateway.provider.js';
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

export function createDeliveryProviders(config: Config, options: { quiet?: boolean } = {}): DeliveryProviders {
  const { apiKey, apiSecret, restHost, apiHost } = config.vonage;
  const credentials = apiKey && apiSecret ? { apiKey, apiSecret } : null;
  const rateLimit = credentials ? createRateLimiter(config) : null;
  const emailGateway = config.smtpUrl
    ? new EmailGatewaySender({ smtpUrl: config.smtpUrl, from: `${config.brandName} <sms@${new URL(config.publicUrl).hostname}>` })
    : null;

  let sms: SmsProvider | null = null;
  if (credentials) sms = new VonageSmsProvider({ ...credentials, restHost, rateLimiter: rateLimit?.limiter });
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
