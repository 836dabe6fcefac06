import { describe, expect, it } from 'vitest';
import { MessageChannel } from '../../../comms-log/comms-log.enums.js';
import { loadConfig } from '../../../config/config.js';
import { VonageNumberInsightLookup } from '../../carrier/vonage-number-insight.lookup.js';
import { createDeliveryProviders } from '../create-delivery-providers.js';
import { EmailGatewaySender } from '../email-gateway.provider.js';
import { SandboxSmsProvider } from '../sandbox-sms.provider.js';
import { VonageSmsProvider } from '../vonage-sms.provider.js';

const sms = (n: number) => ({ to: '+12025550143', from: '+15550100000', text: `Text ${n}`, clientRef: `log-${n}` });

describe('sandbox sender', () => {
  it('records the text, answers sent with a sandbox id and logs one labelled line', async () => {
    const lines: string[] = [];
    const sandbox = new SandboxSmsProvider({ log: (line) => lines.push(line) });
    const result = await sandbox.send(sms(1));
    expect(result).toEqual({ outcome: 'sent', providerMessageId: expect.stringMatching(/^sandbox-[0-9a-f-]{36}$/) });
    expect(sandbox.channel).toBe(MessageChannel.SANDBOX);
    expect(sandbox.sent).toEqual([expect.objectContaining({ ...sms(1), providerMessageId: (result as { providerMessageId: string }).providerMessageId })]);
    expect(lines).toEqual(['[sandbox sms] to +12025550143 : Text 1']);
  });

  it('keeps only the last 1,000 texts, and logs nothing when quiet', async () => {
    const lines: string[] = [];
    const sandbox = new SandboxSmsProvider({ quiet: true, log: (line) => lines.push(line) });
    for (let n = 1; n <= 1005; n++) await sandbox.send(sms(n));
    expect(sandbox.sent).toHaveLength(1000);
    expect(sandbox.sent[0].text).toBe('Text 6');
    expect(sandbox.sent.at(-1)?.text).toBe('Text 1005');
    expect(lines).toEqual([]);
  });
});

describe('delivery providers from configuration', () => {
  it('W3: without Vonage credentials outside production, texts go to the labelled sandbox', async () => {
    const providers = createDeliveryProviders(loadConfig({ NODE_ENV: 'development' }), { quiet: true });
    expect(providers.sms).toBeInstanceOf(SandboxSmsProvider);
    expect(providers.carrierLookup).toBeNull();
    expect(providers.emailGateway).toBeNull();
    await providers.close();
  });

  it('W3: in production without Vonage credentials delivery is not configured (no sandbox)', async () => {
    const providers = createDeliveryProviders(loadConfig({ NODE_ENV: 'production', PLATFORM_TOKEN: 'x'.repeat(32) }));
    expect(providers.sms).toBeNull();
    await providers.close();
  });

  it('E7/E8: Vonage credentials give the Vonage sender and carrier look-up; SMTP_URL the email gateway', async () => {
    const providers = createDeliveryProviders(
      loadConfig({ VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's', SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://sms.example.com' }),
    );
    expect(providers.sms).toBeInstanceOf(VonageSmsProvider);
    expect(providers.sms?.channel).toBe(MessageChannel.SMS);
    expect(providers.carrierLookup).toBeInstanceOf(VonageNumberInsightLookup);
    expect(providers.emailGateway).toBeInstanceOf(EmailGatewaySender);
    await providers.close();
  });
});
