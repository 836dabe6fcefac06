import { describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer } from '../../../test/harness.js';
import { MessageChannel } from '../../comms-log/comms-log.enums.js';
import { DeliveryProvider } from '../dtos/workspace-delivery.types.js';
import { describeDelivery, type DeliverySetup } from '../workspace-delivery.util.js';

const SENDER = '+13306619491';

describe('W3: describeDelivery', () => {
  it.each<[string, DeliverySetup, boolean, DeliveryProvider, RegExp]>([
    ['Vonage with a workspace sender', { smsChannel: MessageChannel.SMS, emailFallback: false, workspaceSender: SENDER, defaultSender: null }, true, DeliveryProvider.VONAGE, /through Vonage from \+13306619491/],
    ['the sandbox with the server sender', { smsChannel: MessageChannel.SANDBOX, emailFallback: false, workspaceSender: null, defaultSender: SENDER }, true, DeliveryProvider.SANDBOX, /recorded, not sent/],
    ['only the email gateway', { smsChannel: null, emailFallback: true, workspaceSender: SENDER, defaultSender: null }, true, DeliveryProvider.NONE, /email-to-SMS/],
    ['no provider at all', { smsChannel: null, emailFallback: false, workspaceSender: SENDER, defaultSender: null }, false, DeliveryProvider.NONE, /DELIVERY_NOT_CONFIGURED/],
    ['a provider but no sender number', { smsChannel: MessageChannel.SMS, emailFallback: false, workspaceSender: null, defaultSender: null }, false, DeliveryProvider.VONAGE, /No sender number/],
  ])('%s', (_name, setup, configured, provider, summary) => {
    const delivery = describeDelivery(setup);
    expect(delivery).toMatchObject({ configured, provider });
    expect(delivery.summary).toMatch(summary);
  });

  it('answers over the API with the sandbox outside production', async () => {
    const server = await startTestServer({ database: 'sqlite', worker: false });
    try {
      const ws = await createTestWorkspace(server);
      const { workspace } = await server.ok(`{ workspace { delivery { configured provider emailFallback senderNumber summary } } }`, {}, ws.memberKey);
      expect(workspace.delivery).toMatchObject({ configured: true, provider: 'SANDBOX', emailFallback: false, senderNumber: SENDER });
    } finally {
      await server.stop();
    }
  });
});
