import { randomUUID } from 'node:crypto';
import { MessageChannel } from '../../comms-log/comms-log.enums.js';
import { log } from '../../observability/logger.js';
import type { OutgoingSms, SendResult, SmsProvider } from './sms-provider.js';

interface SandboxSentSms extends OutgoingSms {
  providerMessageId: string;
  sentAt: Date;
}

const KEEP_LAST = 1000;

// Outside production without Vonage credentials: nothing leaves the machine.
// Each text is recorded (the last 1,000, for tests and the demo) and logged
// with a label nobody can mistake for a real send.
export class SandboxSmsProvider implements SmsProvider {
  readonly channel = MessageChannel.SANDBOX;
  readonly sent: SandboxSentSms[] = [];

  constructor(private readonly options: { quiet?: boolean; log?: (line: string) => void } = {}) {}

  async send(sms: OutgoingSms): Promise<SendResult> {
    const providerMessageId = `sandbox-${randomUUID()}`;
    this.sent.push({ ...sms, providerMessageId, sentAt: new Date() });
    if (this.sent.length > KEEP_LAST) this.sent.splice(0, this.sent.length - KEEP_LAST);
    if (!this.options.quiet) (this.options.log ?? ((line) => log.info({ channel: 'SANDBOX' }, line)))(`[sandbox sms] to ${sms.to} : ${sms.text}`);
    return { outcome: 'sent', providerMessageId };
  }
}
