import { captureLogs } from '../../../test/log-capture.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { loggableError } from '../../common/loggable-error.util.js';
import { ConsentSource } from '../../consent/consent.enums.js';
import { OptOut } from '../../consent/opt-out.entity.js';
import { createTestWorkspace, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { expectNothingStoredOrSent, startProductionServer } from '../../../test/security-probe.js';
import type { SendingServer } from '../../../test/sending.js';
import { bookedParticipant, employee, logFor, optedInEmployee, participant, registryRow } from '../../messaging/keywords/__tests__/keyword-fixtures.js';
import { renderMessage } from '../../messaging/templates/message-templates.js';
import { callWebhook, inboundParams, signed } from '../../messaging/webhooks/__tests__/vonage-webhook-client.js';

const BRAND = { name: 'Tock', supportContact: 'support@example.com' };
const OPTED_OUT = renderMessage({ kind: MessageKind.KEYWORD_REPLY, reply: 'OPTED_OUT' }, BRAND);
const HOW_TO_OPT_OUT = renderMessage({ kind: MessageKind.KEYWORD_REPLY, reply: 'HOW_TO_OPT_OUT' }, BRAND);
const digits = (phone: string) => phone.replace(/^\+/, '');

// K8 and A3, against a production server on MariaDB with its worker and the Vonage stand-in.
describe('security: inbound texts and webhooks (K8, A3)', () => {
  let probe: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  const text = (from: string, body: string) => callWebhook(server, 'inbound', signed(inboundParams(from, body)));
  const texted = (phone: string, body: string) => probe.standIn.smsRequests.filter((r) => r.to === digits(phone) && r.text === body).length;

  beforeAll(async () => {
    probe = await startProductionServer();
    server = probe.server;
    ws = await createTestWorkspace(server, 'Inbound Probe', { smsEnabled: true });
  });
  afterAll(() => probe?.stop());

  it('K8: 20 concurrent STOPs from one number: every webhook answers 200, one confirmation is sent, and the error log names no number or SQL', async () => {
    const phone = '+14155550411';
    const booked = await bookedParticipant(server, ws, phone);
    // O1/K8: every line the process logs (JSON), warnings and errors included.
    const logs = captureLogs();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => text(phone, ['STOP', 'stop', 'Stop.', 'STOP!'][i % 4])));
    logs.restore();
    const logged = logs.lines.map((line) => JSON.stringify(line));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => a.body?.result === 'processed')).toBe(true);
    expect((await participant(server, booked.participantId)).smsConsent).toBe(false);
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
    expect(await logFor(server, phone, MessageKind.INBOUND)).toHaveLength(20);
    await probe.standIn.waitForMessage((m) => m.to === digits(phone) && m.text === OPTED_OUT);
    await expect.poll(async () => (await logFor(server, phone, MessageKind.KEYWORD_REPLY))[0].status).toBe(MessageStatus.SENT);
    expect(texted(phone, OPTED_OUT)).toBe(1);
    for (const line of logged) {
      expect(line).not.toContain(digits(phone).slice(-7));
      expect(line).not.toMatch(/parameters|INSERT|UPDATE|SELECT/);
    }
  });

  it('K8: a database error is logged without its SQL, parameters or the number in it', async () => {
    const phone = '+14155550412';
    const rows = server.app.dataSource.getRepository(OptOut);
    await rows.insert({ phone, optedOut: true, source: ConsentSource.KEYWORD, keyword: 'STOP', updatedAt: new Date() });
    const failure = await rows.insert({ phone, optedOut: true, source: ConsentSource.KEYWORD, keyword: 'STOP', updatedAt: new Date() }).catch((e: unknown) => e);
    expect(String((failure as Error).message)).toContain(phone);
    const line = JSON.stringify(loggableError(failure));
    expect(line).toMatch(/Duplicate entry/);
    expect(line).not.toContain(digits(phone).slice(-7));
    expect(line).not.toMatch(/INSERT|parameters/);
  });

  it.each([
    ['OPT-OUT', '+14155550421', 'OPT OUT'],
    ['OPT_OUT', '+14155550422', 'OPT OUT'],
    ['"STOP"', '+14155550423', 'STOP'],
    ['STOP\u200b', '+14155550424', 'STOP'],
    ['\u202eSTOP\u202c', '+14155550425', 'STOP'],
    ['\u201cstop\u201d', '+14155550426', 'STOP'],
  ])('K8: %j is honoured as an opt-out', async (body, phone, keyword) => {
    expect((await text(phone, body)).status).toBe(200);
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, keyword });
  });

  it('K8: "stop please" is not an opt-out but gets one clarifying reply telling how to opt out; a second such text gets none', async () => {
    const phone = '+14155550431';
    const booked = await bookedParticipant(server, ws, phone);
    expect((await text(phone, 'stop please')).status).toBe(200);
    expect((await text(phone, 'please stop texting me')).status).toBe(200);
    expect((await participant(server, booked.participantId)).smsConsent).toBe(true);
    expect(await registryRow(server, phone)).toBeNull();
    expect((await logFor(server, phone, MessageKind.INBOUND)).map((e) => e.body)).toEqual(['stop please', 'please stop texting me']);
    const replies = await logFor(server, phone, MessageKind.KEYWORD_REPLY);
    expect(replies.map((r) => r.body)).toEqual([HOW_TO_OPT_OUT]);
    expect(HOW_TO_OPT_OUT).toMatch(/reply STOP/);
    await probe.standIn.waitForMessage((m) => m.to === digits(phone) && m.text === HOW_TO_OPT_OUT);
  });

  it('K8: "cancel my shift" is still not an opt-out, and gets no reply', async () => {
    const phone = '+14155550432';
    const employeeId = await optedInEmployee(server, ws, phone);
    expect((await text(phone, 'cancel my shift')).status).toBe(200);
    expect((await employee(server, employeeId)).smsOptIn).toBe(true);
    expect(await registryRow(server, phone)).toBeNull();
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toEqual([]);
  });

  it('A3: a forged STOP (wrong secret), an unsigned one and a stale replay are refused with 401 and change nothing', async () => {
    const phone = '+14155550441';
    await expectNothingStoredOrSent(probe, async () => {
      expect((await callWebhook(server, 'inbound', signed(inboundParams(phone, 'STOP'), { secret: 'not-the-secret-0123456789abcdef' }))).status).toBe(401);
      expect((await callWebhook(server, 'inbound', inboundParams(phone, 'STOP'))).status).toBe(401);
      expect((await callWebhook(server, 'inbound', signed(inboundParams(phone, 'STOP'), { at: new Date(Date.now() - 3_600_000) }))).status).toBe(401);
      const tampered = { ...signed(inboundParams(phone, 'HELP')), text: 'STOP' };
      expect((await callWebhook(server, 'inbound', tampered)).status).toBe(401);
    });
    expect(await registryRow(server, phone)).toBeNull();
  });

  it('A3: a replayed signed webhook is processed once; the replay stores and sends nothing', async () => {
    const phone = '+14155550442';
    const request = signed(inboundParams(phone, 'STOP'));
    expect(await callWebhook(server, 'inbound', request)).toEqual({ status: 200, body: { result: 'processed' } });
    await expectNothingStoredOrSent(probe, async () => {
      expect(await callWebhook(server, 'inbound', request)).toEqual({ status: 200, body: { result: 'duplicate' } });
    });
  });

  it('A3: an oversized webhook is a 413 with a JSON error and changes nothing', async () => {
    const phone = '+14155550443';
    await expectNothingStoredOrSent(probe, async () => {
      const answer = await callWebhook(server, 'inbound', signed(inboundParams(phone, `STOP ${'x'.repeat(200_000)}`)));
      expect(answer).toEqual({ status: 413, body: { error: 'Body too large' } });
    });
  });
});
