import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer } from '../../../../test/harness.js';
import { captureLogs } from '../../../../test/log-capture.js';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { SandboxSmsProvider } from '../../providers/sandbox-sms.provider.js';
import { bookedParticipant, logFor, participant, registryRow, storedState } from '../../keywords/__tests__/keyword-fixtures.js';
import { callWebhook, inboundParams, receiptParams, signed, vonageId, WEBHOOK_SECRET, type WebhookEncoding } from './vonage-webhook-client.js';

describe('A3: signed Vonage webhooks (MariaDB, with a signature secret)', () => {
  let server: TestServer;
  const phone = '+14155550301';
  let participantId: string;

  beforeAll(async () => {
    server = await startTestServer({ worker: false, env: { VONAGE_SIGNATURE_SECRET: WEBHOOK_SECRET } });
    const ws = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
    participantId = (await bookedParticipant(server, ws, phone)).participantId;
  });
  afterAll(() => server?.stop());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A STOP that, if accepted, would change a great deal. */
  const stop = () => inboundParams(phone, 'STOP');
  const refusals: [string, (params: Record<string, string>) => Record<string, string>][] = [
    ['a missing signature', (p) => p],
    ['a bad signature', (p) => ({ ...signed(p), sig: signed({ ...p, text: 'HELP' }).sig })],
    ['a signature made with another secret', (p) => signed(p, { secret: 'not-the-secret' })],
    ['a stale timestamp (6 minutes old)', (p) => signed(p, { at: new Date(Date.now() - 6 * 60_000) })],
    ['a timestamp from the future (6 minutes ahead)', (p) => signed(p, { at: new Date(Date.now() + 6 * 60_000) })],
    ['a parameter added after signing', (p) => ({ ...signed(p), text: 'START' })],
  ];

  it.each(refusals)('A3: an inbound text with %s gets 401 and changes nothing', async (_name, sign) => {
    const before = await storedState(server);
    for (const as of ['form', 'json', 'get'] as WebhookEncoding[]) {
      expect((await callWebhook(server, 'inbound', sign(stop()), as)).status).toBe(401);
    }
    expect(await storedState(server)).toEqual(before);
    expect(await registryRow(server, phone)).toBeNull();
  });

  it.each(refusals)('A3: a delivery receipt with %s gets 401 and changes nothing', async (_name, sign) => {
    const before = await storedState(server);
    expect((await callWebhook(server, 'status', sign(receiptParams(phone, vonageId(), 'failed', '9')))).status).toBe(401);
    expect(await storedState(server)).toEqual(before);
  });

  it.each(['form', 'json', 'get'] as WebhookEncoding[])('A3: a correctly signed request (%s) gets 200', async (as) => {
    expect(await callWebhook(server, 'inbound', signed(inboundParams(phone, `Running late (${as})`)), as)).toEqual({ status: 200, body: { result: 'processed' } });
    expect(await callWebhook(server, 'status', signed(receiptParams(phone, vonageId(), 'delivered')), as)).toEqual({ status: 200, body: { result: 'unknown' } });
    expect((await logFor(server, phone, MessageKind.INBOUND)).map((e) => e.body)).toContain(`Running late (${as})`);
  });

  const malformed: [string, 'inbound' | 'status', Record<string, string | undefined>][] = [
    ['an inbound text without msisdn', 'inbound', { ...inboundParams(phone, 'STOP'), msisdn: undefined }],
    ['an inbound text without messageId', 'inbound', { ...inboundParams(phone, 'STOP'), messageId: undefined }],
    ['an inbound text without to', 'inbound', { ...inboundParams(phone, 'STOP'), to: undefined }],
    ['an inbound text without text', 'inbound', { ...inboundParams(phone, 'STOP'), text: undefined }],
    ['an inbound text from a sender name', 'inbound', { ...inboundParams(phone, 'STOP'), msisdn: 'ACME' }],
    ['an inbound part beyond its total', 'inbound', { ...inboundParams(phone, 'STOP'), concat: 'true', 'concat-ref': '1', 'concat-total': '2', 'concat-part': '3' }],
    ['a receipt without messageId', 'status', { ...receiptParams(phone, 'x', 'failed', '9'), messageId: undefined }],
    ['a receipt without msisdn', 'status', { ...receiptParams(phone, vonageId(), 'failed', '9'), msisdn: undefined }],
    ['a receipt without status', 'status', { ...receiptParams(phone, vonageId(), 'failed', '9'), status: undefined }],
  ];

  it.each(malformed)('A6: %s (signed) gets 400 and changes nothing', async (_name, path, params) => {
    const before = await storedState(server);
    const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const response = await callWebhook(server, path, signed(defined));
    expect(response.status).toBe(400);
    expect(response.body?.error).toEqual(expect.any(String));
    expect(await storedState(server)).toEqual(before);
  });

  it('A6: unparseable JSON, a JSON array, or a repeated parameter gets 400 and changes nothing', async () => {
    const before = await storedState(server);
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/webhooks/vonage/inbound`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{"msisdn": "14155550301", "text": "STOP"')).status).toBe(400);
    expect((await post(JSON.stringify([signed(stop())]))).status).toBe(400);
    const repeated = new URLSearchParams(signed(stop()));
    repeated.append('msisdn', '14155550399');
    expect((await fetch(`${server.url}/webhooks/vonage/inbound?${repeated}`)).status).toBe(400);
    expect((await post(repeated.toString(), 'application/x-www-form-urlencoded')).status).toBe(400);
    expect(await storedState(server)).toEqual(before);
    expect((await participant(server, participantId)).smsConsent).toBe(true);
  });
});

describe('A3: without a signature secret', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('A3: in production every webhook is refused (fail closed), with one clear warning at start', async () => {
    const logs = captureLogs();
    const server = await startTestServer({ database: 'sqlite', worker: false, env: { NODE_ENV: 'production' } });
    try {
      const ws = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
      const phone = '+14155550302';
      await bookedParticipant(server, ws, phone);
      const before = await storedState(server);
      expect((await callWebhook(server, 'inbound', inboundParams(phone, 'STOP'))).status).toBe(401);
      expect((await callWebhook(server, 'inbound', signed(inboundParams(phone, 'STOP')))).status).toBe(401);
      expect((await callWebhook(server, 'status', receiptParams(phone, vonageId(), 'failed', '9'), 'get')).status).toBe(401);
      expect(await storedState(server)).toEqual(before);
      const warnings = logs.lines.filter((line) => line.level === 'warn' && String(line.msg).includes('VONAGE_SIGNATURE_SECRET'));
      expect(warnings).toHaveLength(1);
    } finally {
      logs.restore();
      await server.stop();
    }
  });

  it('A3: outside production unsigned requests are accepted (local runs), and a signature that cannot be checked is refused', async () => {
    const server = await startTestServer({ database: 'sqlite', worker: false });
    try {
      const ws = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
      const phone = '+14155550303';
      const booked = await bookedParticipant(server, ws, phone);
      const before = await storedState(server);
      expect((await callWebhook(server, 'inbound', signed(inboundParams(phone, 'STOP')))).status).toBe(401);
      expect(await storedState(server)).toEqual(before);

      // The whole STOP flow on SQLite, the embedded default.
      expect(await callWebhook(server, 'inbound', inboundParams(phone, 'STOP'))).toEqual({ status: 200, body: { result: 'processed' } });
      expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, source: 'KEYWORD' });
      expect((await participant(server, booked.participantId)).smsConsent).toBe(false);
      expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
      expect(await logFor(server, phone, MessageKind.INBOUND)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('K2: with the job worker running, the STOP confirmation goes out once through the configured channel', async () => {
    const server = await startTestServer({ database: 'sqlite' });
    try {
      const ws = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
      const phone = '+14155550304';
      await bookedParticipant(server, ws, phone);
      const message = inboundParams(phone, 'STOP');
      await Promise.all([callWebhook(server, 'inbound', message), callWebhook(server, 'inbound', message)]);
      await vi.waitFor(async () => expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toMatchObject([{ status: 'SENT', channel: 'SANDBOX' }]), {
        timeout: 10_000,
        interval: 100,
      });
      const sandbox = server.app.providers.sms;
      expect(sandbox).toBeInstanceOf(SandboxSmsProvider);
      expect((sandbox as SandboxSmsProvider).sent.filter((sms) => sms.to === phone && sms.text.includes('unsubscribed'))).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
