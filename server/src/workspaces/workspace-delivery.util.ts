import { MessageChannel } from '../comms-log/comms-log.enums.js';
import { DeliveryProvider, type WorkspaceDelivery } from './dtos/workspace-delivery.types.js';

/** How this process sends, whatever the workspace. */
export interface WorkspaceDeliverySetup {
  /** The SMS provider's channel, or null when none is configured. */
  smsChannel: MessageChannel | null;
  emailFallback: boolean;
  defaultSender: string | null;
}

export interface DeliverySetup extends WorkspaceDeliverySetup {
  workspaceSender: string | null;
}

// W3: the same rule the send policy applies (a way out and a sender number), described for people.
export function describeDelivery(setup: DeliverySetup): WorkspaceDelivery {
  const provider =
    setup.smsChannel === MessageChannel.SMS ? DeliveryProvider.VONAGE : setup.smsChannel === MessageChannel.SANDBOX ? DeliveryProvider.SANDBOX : DeliveryProvider.NONE;
  const senderNumber = setup.workspaceSender ?? setup.defaultSender;
  const hasWayOut = provider !== DeliveryProvider.NONE || setup.emailFallback;
  const configured = hasWayOut && senderNumber !== null;
  let summary: string;
  if (!hasWayOut) summary = 'No SMS provider or email gateway is configured: texts are logged as skipped (DELIVERY_NOT_CONFIGURED).';
  else if (!senderNumber) summary = 'No sender number: texts are logged as skipped (DELIVERY_NOT_CONFIGURED) until one is set.';
  else if (provider === DeliveryProvider.VONAGE) summary = `Texts go out through Vonage from ${senderNumber}.`;
  else if (provider === DeliveryProvider.SANDBOX) summary = `Sandbox: texts from ${senderNumber} are recorded, not sent to phones.`;
  else summary = `Texts go out through carriers' email-to-SMS gateways from ${senderNumber}.`;
  return { configured, provider, emailFallback: setup.emailFallback, senderNumber, summary };
}
