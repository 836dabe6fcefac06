import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import nodemailer, { type Transporter } from 'nodemailer';
import { MessageChannel } from '../../comms-log/comms-log.enums.js';
import { isShutDownGatewayDomain } from '../carrier/carrier-gateways.js';
import type { OutgoingSms, SendResult } from './sms-provider.js';

interface EmailGatewayOptions {
  /** SMTP_URL, e.g. smtp://user:pass@mail.example.com:587 */
  smtpUrl: string;
  /** The envelope and header sender, e.g. "Tock <sms@example.com>". */
  from: string;
  /** Connection, greeting and idle-socket timeouts (default 10 s each). */
  timeoutMs?: number;
}

// Errors with no SMTP reply that mean "try again later": the mail never left.
const TRANSIENT_CODES = new Set(['ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET']);

// E8: email-to-SMS. The carrier's gateway turns a plain-text mail to
// <national number>@<gateway domain> into a text; carriers ignore the subject,
// so there is none. Only used where direct SMS cannot reach the carrier.
export class EmailGatewaySender {
  readonly channel = MessageChannel.EMAIL_GATEWAY;
  private readonly transport: Transporter;
  private readonly senderDomain: string;

  constructor(private readonly options: EmailGatewayOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.senderDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'tock.invalid';
  }

  async sendVia(gatewayDomain: string, sms: OutgoingSms): Promise<SendResult> {
    const domain = gatewayDomain.trim().toLowerCase();
    if (isShutDownGatewayDomain(domain)) {
      return { outcome: 'failed', errorCode: 'GATEWAY_SHUT_DOWN', reason: `The ${domain} email-to-SMS gateway has been shut down`, directUnavailable: false };
    }
    const national = parsePhoneNumberFromString(sms.to)?.nationalNumber;
    if (!national) return { outcome: 'failed', errorCode: 'BAD_NUMBER', reason: `${sms.to} has no national number`, directUnavailable: false };

    const id = randomUUID();
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: `${national}@${domain}`,
        text: sms.text,
        messageId: `<${id}@${this.senderDomain}>`,
        headers: { 'X-Tock-Client-Ref': sms.clientRef },
      });
      return { outcome: 'sent', providerMessageId: `email-${id}` };
    } catch (error) {
      return fromSmtpError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function fromSmtpError(error: unknown): SendResult {
  const { responseCode, code, response, message } = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const reason = (response ?? message ?? String(error)).slice(0, 255);
  if (responseCode) {
    const errorCode = `SMTP_${responseCode}`;
    // SMTP 4xx is a temporary refusal (greylisting, mailbox busy); 5xx is for good.
    return responseCode < 500
      ? { outcome: 'retry', errorCode, reason }
      : { outcome: 'failed', errorCode, reason, directUnavailable: false };
  }
  if (code && TRANSIENT_CODES.has(code)) return { outcome: 'retry', errorCode: code === 'ETIMEDOUT' ? 'TIMEOUT' : `SMTP_${code}`, reason };
  return { outcome: 'failed', errorCode: code ? `SMTP_${code}`.slice(0, 20) : 'SMTP_ERROR', reason, directUnavailable: false };
}
