import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVonageStandIn, type VonageStandIn } from '../../../../test/vonage-stand-in/vonage-stand-in.js';
import { MessageChannel } from '../../../comms-log/comms-log.enums.js';
import type { OutgoingSms } from '../sms-provider.js';
import { VonageSmsProvider } from '../vonage-sms.provider.js';

const sms = (to: string, text = 'Reminder: your interview starts in 15 minutes.'): OutgoingSms => ({
  to,
  from: '+15550100000',
  text,
  clientRef: 'log-42',
});

// A port nothing listens on: taken, then released.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Vonage SMS provider against the stand-in', () => {
  let standIn: VonageStandIn;
  let provider: VonageSmsProvider;

  beforeAll(async () => {
    standIn = await startVonageStandIn({ apiKey: 'key-1', apiSecret: 'secret-1' });
    provider = new VonageSmsProvider({ apiKey: 'key-1', apiSecret: 'secret-1', restHost: standIn.url, timeoutMs: 300 });
  });
  afterEach(() => standIn.clearFaults());
  afterAll(() => standIn.stop());

  it('hands the text over and answers sent with the Vonage message id; clientRef goes as client-ref', async () => {
    const result = await provider.send(sms('+15551230001'));
    const accepted = standIn.messages.at(-1)!;
    expect(result).toEqual({ outcome: 'sent', providerMessageId: accepted.messageId });
    expect(accepted).toMatchObject({
      to: '15551230001',
      from: '15550100000',
      text: 'Reminder: your interview starts in 15 minutes.',
      clientRef: 'log-42',
    });
    expect(provider.channel).toBe(MessageChannel.SMS);
  });

  it('a long text goes in parts and is reported by the id of its first part', async () => {
    const result = await provider.send(sms('+15551230002', 'x'.repeat(400)));
    const accepted = standIn.messages.at(-1)!;
    expect(accepted.parts).toBe(3);
    expect(result).toEqual({ outcome: 'sent', providerMessageId: accepted.messageIds[0] });
  });

  it('L5: a throttled send answers retry with a back-off hint, and the next attempt goes through', async () => {
    standIn.setFault('sms', { throttle: 1 });
    const before = standIn.messages.length;
    const throttled = await provider.send(sms('+15551230003'));
    expect(throttled).toMatchObject({ outcome: 'retry', errorCode: '1', retryAfterMs: 1000 });
    expect(standIn.messages.length).toBe(before);
    const retried = await provider.send(sms('+15551230003'));
    expect(retried.outcome).toBe('sent');
    expect(standIn.messages.length).toBe(before + 1);
  });

  it.each([
    ['22', 'failed', true, 'Invalid Network Code'],
    ['29', 'failed', true, 'Non White-listed Destination - rejected'],
    ['5', 'retry', undefined, 'Internal Error'],
    ['10', 'retry', undefined, 'Too Many Existing Binds'],
    ['3', 'failed', false, 'Invalid params'],
    ['6', 'failed', false, 'Invalid Message'],
    ['7', 'failed', false, 'Number Barred'],
    ['9', 'failed', false, 'Partner Quota Exceeded'],
    ['15', 'failed', false, 'Illegal Sender Address - rejected'],
    ['33', 'failed', false, 'Number De-activated'],
  ])('E8: Vonage status %s answers %s (directUnavailable %s) with its error-text', async (status, outcome, directUnavailable, reason) => {
    standIn.forceStatus('+1555999', status);
    const result = await provider.send(sms('+15559990001'));
    expect(result).toEqual({ outcome, errorCode: status, reason, ...(directUnavailable === undefined ? {} : { directUnavailable }) });
  });

  it('forced statuses apply by number prefix only', async () => {
    standIn.forceStatus('+1555888', 22);
    expect((await provider.send(sms('+15558880001'))).outcome).toBe('failed');
    expect((await provider.send(sms('+15557770001'))).outcome).toBe('sent');
  });

  it('bad credentials fail for good (status 4), never retried', async () => {
    const wrong = new VonageSmsProvider({ apiKey: 'key-1', apiSecret: 'not-it', restHost: standIn.url });
    expect(await wrong.send(sms('+15551230004'))).toEqual({ outcome: 'failed', errorCode: '4', reason: 'Bad Credentials', directUnavailable: false });
  });

  it('HTTP 5xx answers retry', async () => {
    standIn.setFault('sms', { httpStatus: 503 });
    expect(await provider.send(sms('+15551230005'))).toMatchObject({ outcome: 'retry', errorCode: 'HTTP_503' });
  });

  it('HTTP 429 answers retry with a back-off hint; other 4xx fail', async () => {
    standIn.setFault('sms', { httpStatus: 429 });
    expect(await provider.send(sms('+15551230006'))).toMatchObject({ outcome: 'retry', errorCode: 'HTTP_429', retryAfterMs: 1000 });
    standIn.setFault('sms', { httpStatus: 401 });
    expect(await provider.send(sms('+15551230006'))).toMatchObject({ outcome: 'failed', errorCode: 'HTTP_401', directUnavailable: false });
  });

  it('a request Vonage never answers is abandoned after the timeout and answers retry', async () => {
    standIn.setFault('sms', { timeout: true });
    const result = await provider.send(sms('+15551230007'));
    expect(result).toEqual({ outcome: 'retry', errorCode: 'TIMEOUT', reason: 'Vonage did not answer within 300 ms' });
    expect(standIn.smsRequests.at(-1)?.answer).toBe('timeout');
  });

  it('slow answers within the timeout still count', async () => {
    standIn.setFault('sms', { latencyMs: 100 });
    expect((await provider.send(sms('+15551230008'))).outcome).toBe('sent');
  });

  it('an unreachable Vonage answers retry', async () => {
    const offline = new VonageSmsProvider({ apiKey: 'key-1', apiSecret: 'secret-1', restHost: `http://127.0.0.1:${await closedPort()}` });
    expect(await offline.send(sms('+15551230009'))).toMatchObject({ outcome: 'retry', errorCode: 'NETWORK' });
  });

  it('L5/L7: a turn is awaited from the rate limiter before every request, admitted just before it goes, and released once answered', async () => {
    const events: string[] = [];
    const seen = () => `${standIn.smsRequests.length - before} requests`;
    const limited = new VonageSmsProvider({
      apiKey: 'key-1',
      apiSecret: 'secret-1',
      restHost: standIn.url,
      rateLimiter: {
        acquire: async () => void events.push(`acquire (${seen()})`),
        admit: async () => {
          events.push(`admit (${seen()})`);
          return async () => void events.push(`answered (${seen()})`);
        },
      },
    });
    const before = standIn.smsRequests.length;
    for (const text of [sms('+15551230010'), sms('+15551230011')]) {
      expect(await limited.awaitTurn(text)).toBeNull();
      await limited.send(text);
    }
    expect(events).toEqual(['acquire (0 requests)', 'admit (0 requests)', 'answered (1 requests)', 'acquire (1 requests)', 'admit (1 requests)', 'answered (2 requests)']);
  });

  it('L5: when the shared rate limiter is out of reach, the text is held for a retry, not sent unlimited', async () => {
    const limited = new VonageSmsProvider({
      apiKey: 'key-1',
      apiSecret: 'secret-1',
      restHost: standIn.url,
      rateLimiter: { acquire: async () => Promise.reject(new Error('Connection is closed.')), admit: async () => Promise.reject(new Error('Connection is closed.')) },
    });
    const before = standIn.smsRequests.length;
    const held = { outcome: 'retry', errorCode: 'RATE_LIMITER', reason: 'Rate limiter unavailable: Connection is closed.' };
    expect(await limited.awaitTurn(sms('+15551230012'))).toEqual(held);
    // Out of reach between the turn and the request: still held, never sent unlimited.
    expect(await limited.send(sms('+15551230012'))).toEqual(held);
    expect(standIn.smsRequests.length).toBe(before);
  });
});
