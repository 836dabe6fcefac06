import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlgorithmTypes, Auth } from '@vonage/auth';
import { SMS } from '@vonage/sms';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startVonageStandIn, type VonageStandIn } from '../vonage-stand-in.js';

interface Received {
  path: string;
  contentType: string;
  params: Record<string, string>;
}

// Plays Tock's webhook endpoints: records what arrives and answers 204.
async function startWebhookCatcher(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const contentType = req.headers['content-type'] ?? '';
      const params = contentType.includes('json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
      received.push({ path: req.url ?? '', contentType, params });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const SECRET = 'signature-secret-for-tests';
const sdk = new SMS(new Auth({ apiKey: 'k', apiSecret: 's' }));
const verified = (params: Record<string, string>, algorithm: AlgorithmTypes) => sdk.verifySignature(params.sig, params, SECRET, algorithm);

const post = (url: string, body: string, contentType: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('Vonage stand-in', () => {
  let standIn: VonageStandIn;
  let catcher: Awaited<ReturnType<typeof startWebhookCatcher>>;

  beforeAll(async () => {
    standIn = await startVonageStandIn({ apiKey: 'key-1', apiSecret: 'secret-1', signatureSecret: SECRET });
    catcher = await startWebhookCatcher();
  });
  afterEach(() => standIn.clearFaults());
  afterAll(async () => {
    await standIn.stop();
    await new Promise((resolve) => catcher.server.close(resolve));
  });

  it("answers a form-encoded POST /sms/json in Vonage's documented shape and remembers the text", async () => {
    const { status, json } = await post(
      `${standIn.url}/sms/json`,
      form({ api_key: 'key-1', api_secret: 'secret-1', from: '15550100000', to: '12025550143', text: 'Hello', 'client-ref': 'log-1' }),
      'application/x-www-form-urlencoded',
    );
    expect(status).toBe(200);
    expect(json).toEqual({
      'message-count': '1',
      messages: [
        {
          to: '12025550143',
          'message-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: '0',
          'remaining-balance': expect.stringMatching(/^\d+\.\d{8}$/),
          'message-price': '0.00750000',
          network: '310004',
          'client-ref': 'log-1',
        },
      ],
    });
    const messageId = (json.messages as Record<string, string>[])[0]['message-id'];
    expect(standIn.messages.at(-1)).toMatchObject({ messageId, to: '12025550143', from: '15550100000', text: 'Hello', clientRef: 'log-1', parts: 1 });
  });

  it('takes JSON bodies with Basic auth (as the SDK sends them) and splits long texts into parts', async () => {
    const basic = `Basic ${Buffer.from('key-1:secret-1').toString('base64')}`;
    const { json } = await post(`${standIn.url}/sms/json`, JSON.stringify({ from: '15550100000', to: '+12025550143', text: 'Ж'.repeat(100) }), 'application/json', {
      authorization: basic,
    });
    // 100 UCS-2 characters: two parts of up to 67.
    expect(json['message-count']).toBe('2');
    expect(standIn.messages.at(-1)?.messageIds).toHaveLength(2);
  });

  it.each([
    ['no api_key', { api_secret: 'secret-1', from: '1', to: '12025550143', text: 'x' }, '2', 'Missing api_key'],
    ['a wrong secret', { api_key: 'key-1', api_secret: 'nope', from: '1', to: '12025550143', text: 'x' }, '4', 'Bad Credentials'],
    ['no from', { api_key: 'key-1', api_secret: 'secret-1', to: '12025550143', text: 'x' }, '2', 'Missing from param'],
    ['a bad to', { api_key: 'key-1', api_secret: 'secret-1', from: '1', to: 'not-a-number', text: 'x' }, '3', 'Invalid to param'],
    ['a text over 3,200 characters', { api_key: 'key-1', api_secret: 'secret-1', from: '1', to: '12025550143', text: 'x'.repeat(3201) }, '12', 'Message Too Long'],
  ])('refuses a request with %s: status %s', async (_case, params, status, errorText) => {
    const before = standIn.messages.length;
    const { json } = await post(`${standIn.url}/sms/json`, form(params), 'application/x-www-form-urlencoded');
    expect(json).toEqual({ 'message-count': '1', messages: [{ status, 'error-text': errorText }] });
    expect(standIn.messages.length).toBe(before);
  });

  it('forced statuses, throttling for the next N requests, and HTTP faults', async () => {
    const send = (to: string) =>
      post(`${standIn.url}/sms/json`, form({ api_key: 'key-1', api_secret: 'secret-1', from: '1', to, text: 'x' }), 'application/x-www-form-urlencoded');
    standIn.forceStatus('+1555', 22);
    expect(((await send('15551230000')).json.messages as { status: string }[])[0]).toEqual({ status: '22', 'error-text': 'Invalid Network Code' });
    standIn.setFault('sms', { throttle: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(((await send('12025550143')).json.messages as { status: string }[])[0].status);
    expect(statuses).toEqual(['1', '1', '0']);
    standIn.setFault('sms', { httpStatus: 500 });
    expect((await send('12025550143')).status).toBe(500);
    expect(standIn.smsRequests.slice(-5).map((r) => r.answer)).toEqual(['22', '1', '1', '0', 'http 500']);
  });

  it('answers Number Insight Standard for known and unknown numbers', async () => {
    standIn.setCarrier('+12025550143', { name: 'Verizon Wireless', networkCode: '310004' });
    const known = (await fetch(`${standIn.url}/ni/standard/json?api_key=key-1&api_secret=secret-1&number=12025550143`).then((r) => r.json())) as Record<string, unknown>;
    expect(known).toMatchObject({
      status: 0,
      status_message: 'Success',
      international_format_number: '12025550143',
      national_format_number: '(202) 555-0143',
      country_code: 'US',
      country_code_iso3: 'USA',
      country_prefix: '1',
      current_carrier: { network_code: '310004', name: 'Verizon Wireless', country: 'US', network_type: 'mobile' },
      ported: 'not_ported',
    });
    const unknown = (await fetch(`${standIn.url}/ni/standard/json?api_key=key-1&api_secret=secret-1&number=12025550199`).then((r) => r.json())) as Record<string, unknown>;
    expect(unknown).toMatchObject({ status: 0, current_carrier: { name: null, network_code: null } });
    expect(standIn.lookups.slice(-2).map((l) => l.number)).toEqual(['12025550143', '12025550199']);
  });

  it('A3: delivery receipts are signed as Vonage signs them (sha256 HMAC), verifiable with the SDK', async () => {
    const { json } = await post(
      `${standIn.url}/sms/json`,
      form({ api_key: 'key-1', api_secret: 'secret-1', from: '15550100000', to: '12025550143', text: 'Hi & bye = ok', 'client-ref': 'log-9' }),
      'application/x-www-form-urlencoded',
    );
    const messageId = (json.messages as Record<string, string>[])[0]['message-id'];
    const delivery = await standIn.deliverReceipt(catcher.url, messageId, { status: 'failed', errCode: 9 });
    expect(delivery.status).toBe(204);
    const { path, contentType, params } = catcher.received.at(-1)!;
    expect(path).toBe('/webhooks/vonage/status');
    expect(contentType).toBe('application/json');
    expect(params).toMatchObject({
      msisdn: '12025550143',
      to: '15550100000',
      'network-code': '310004',
      messageId,
      status: 'failed',
      'err-code': '9',
      'api-key': 'key-1',
      'client-ref': 'log-9',
      scts: expect.stringMatching(/^\d{10}$/),
      'message-timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      timestamp: expect.stringMatching(/^\d+$/),
      nonce: expect.any(String),
    });
    expect(verified(params, AlgorithmTypes.sha256hmac)).toBe(true);
    expect(verified({ ...params, status: 'delivered' }, AlgorithmTypes.sha256hmac)).toBe(false);
  });

  it('A3: can send a wrong signature or none, to prove the webhooks refuse them', async () => {
    await standIn.deliverReceipt(catcher.url, 'unknown-id', { sign: 'invalid' });
    expect(verified(catcher.received.at(-1)!.params, AlgorithmTypes.sha256hmac)).toBe(false);
    await standIn.deliverReceipt(catcher.url, 'unknown-id', { sign: 'none' });
    expect(catcher.received.at(-1)!.params.sig).toBeUndefined();
  });

  it('A3: md5hash signing, form-encoded, as an account set to "POST" and "MD5 hash" sends', async () => {
    const md5 = await startVonageStandIn({ signatureSecret: SECRET, signatureMethod: 'md5hash', webhookFormat: 'form' });
    try {
      await md5.sendInbound(catcher.url, { from: '+12025550143', to: '+15550100000', text: 'STOP' });
      const { path, contentType, params } = catcher.received.at(-1)!;
      expect(path).toBe('/webhooks/vonage/inbound');
      expect(contentType).toBe('application/x-www-form-urlencoded');
      expect(params).toMatchObject({ msisdn: '12025550143', to: '15550100000', text: 'STOP', keyword: 'STOP', type: 'text' });
      expect(verified(params, AlgorithmTypes.md5hash)).toBe(true);
      expect(verified(params, AlgorithmTypes.sha256hmac)).toBe(false);
    } finally {
      await md5.stop();
    }
  });

  it('for local runs, delivers a receipt for every accepted part on its own', async () => {
    const auto = await startVonageStandIn({ signatureSecret: SECRET, autoReceipt: { webhookBaseUrl: catcher.url, delayMs: 0 } });
    try {
      const { json } = await post(
        `${auto.url}/sms/json`,
        form({ api_key: auto.apiKey, api_secret: auto.apiSecret, from: '15550100000', to: '12025550143', text: 'Auto' }),
        'application/x-www-form-urlencoded',
      );
      const messageId = (json.messages as Record<string, string>[])[0]['message-id'];
      await vi.waitFor(() => expect(catcher.received.some((r) => r.params.messageId === messageId)).toBe(true));
      const receipt = catcher.received.find((r) => r.params.messageId === messageId)!;
      expect(receipt.params).toMatchObject({ status: 'delivered', 'err-code': '0' });
      expect(verified(receipt.params, AlgorithmTypes.sha256hmac)).toBe(true);
    } finally {
      await auto.stop();
    }
  });

  it('K1: multi-part inbound texts arrive as signed parts with concat fields, possibly out of order', async () => {
    const text = 'Please cancel my interview tomorrow, something came up at work, sorry for the short notice';
    const deliveries = await standIn.sendInbound(catcher.url, { from: '12025550143', to: '15550100000', text, parts: 3, reversed: true });
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    const parts = catcher.received.slice(-3).map((r) => r.params);
    expect(parts.map((p) => p['concat-part'])).toEqual(['3', '2', '1']);
    expect(new Set(parts.map((p) => p['concat-ref'])).size).toBe(1);
    expect(new Set(parts.map((p) => p.messageId)).size).toBe(3);
    for (const part of parts) {
      expect(part).toMatchObject({ concat: 'true', 'concat-total': '3' });
      expect(verified(part, AlgorithmTypes.sha256hmac)).toBe(true);
    }
    const joined = [...parts].sort((a, b) => Number(a['concat-part']) - Number(b['concat-part'])).map((p) => p.text).join('');
    expect(joined).toBe(text);
  });
});
