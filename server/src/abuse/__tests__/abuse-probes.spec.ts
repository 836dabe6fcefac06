import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestWorkspace, PRODUCTION_ABUSE_LIMITS, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { captureLogs } from '../../../test/log-capture.js';
import { entriesOf, startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';
import { withChallenge } from '../../../test/signup-challenge.js';
import type { GraphQLClient, GraphQLResponse } from '../../../test/harness.js';
import { REMINDER_LEAD_MS } from '../../studies/booking-messages.js';
import { createSession, createStudyWithSession, SIGN_UP, storedCounts, type StudyFixture } from '../../studies/__tests__/studies-fixtures.js';

// The probes of issue 9 (A7, A8, A10), as an attacker runs them: a real server
// in production mode on MariaDB with the production default limits, texts
// going to the Vonage stand-in. Each asserts what was stored and what was sent.

const LONDON_MOBILE = '+447400123456';
// What the first release texted: US numbers, and satellite, Somalia, Cuba, Turkmenistan, Russia, premium rate.
const ATTACK_NUMBERS = (i: number) =>
  [`+1415555${String(1000 + i).slice(-4)}`, '+882345678901', '+252612345678', '+5352345678', '+99365123456', '+79161234567', '+19005550123'][i % 7];

interface Attempt {
  ok: boolean;
  code?: string;
  field?: string;
  retryAfter?: number;
  message?: string;
}

// One connection per request, as a script run from many shells would: while
// the prober's event loop is busy solving challenges, a kept-alive socket can
// time out under it and reset the next request.
function freshConnectionClient(url: string): Pick<GraphQLClient, 'gql'> {
  const gql = (query: string, variables?: Record<string, unknown>, _token?: string | null, headers: Record<string, string> = {}) =>
    new Promise<GraphQLResponse>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end(body);
    });
  return { gql: gql as GraphQLClient['gql'] };
}

async function inBatches<T>(count: number, batch: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += batch) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, k) => run(start + k)))));
  }
  return results;
}

describe('abuse probes, production mode (MariaDB)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  let seq = 0;

  const attempt = async (study: StudyFixture, input: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Attempt> => {
    const client = freshConnectionClient(server.url);
    const signup = await withChallenge(client, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Probe', email: `probe${++seq}@example.com`, smsConsent: true, ...input });
    const result = await client.gql(SIGN_UP, { input: signup }, null, headers);
    const error = result.errors?.[0];
    return error
      ? { ok: false, code: error.extensions?.code, field: error.extensions?.field, retryAfter: error.extensions?.retryAfterSeconds as number | undefined, message: error.message }
      : { ok: true };
  };
  const textsTo = (predicate: (to: string) => boolean) => sending.standIn.messages.filter((m) => predicate(`+${m.to.replace(/^\+/, '')}`));

  beforeAll(async () => {
    sending = await startSendingServer({ env: { NODE_ENV: 'production', ...PRODUCTION_ABUSE_LIMITS } });
    server = sending.server;
    expect(server.app.config.env).toBe('production');
    ws = await createTestWorkspace(server, 'Probed Lab', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());

  it('A7/A8: 200 anonymous signUp calls from one IP with one invite, 10 at a time: at most 5 accepted and texted, none abroad or premium', async () => {
    const study = await createStudyWithSession(server, ws.adminKey, { name: 'Pumped study' });
    const before = await storedCounts(server, ws.id);
    const results = await inBatches(200, 10, (i) => attempt(study, { phone: ATTACK_NUMBERS(i) }));
    const accepted = results.filter((r) => r.ok).length;
    const limited = results.filter((r) => r.code === 'RATE_LIMITED');
    const refusedDestination = results.filter((r) => r.code === 'BAD_USER_INPUT' && r.field === 'phone').length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((r) => (r.retryAfter ?? 0) > 0)).toBe(true);
    expect(accepted + limited.length + refusedDestination).toBe(200);
    // Nothing stored beyond the accepted signups.
    const after = await storedCounts(server, ws.id);
    expect(after.participants - before.participants).toBe(accepted);
    expect(after.bookings - before.bookings).toBe(accepted);
    // Every accepted signup's confirmation is decided and sent; then the stand-in holds exactly those texts.
    const confirmations = async () => (await entriesOf(server, ws.id, ['CONFIRMATION'])).filter((e) => e.studyId === study.id);
    await expect.poll(async () => (await confirmations()).filter((e) => e.status === 'SENT').length, { timeout: 15_000 }).toBe(accepted);
    await expect
      .poll(async () => (await entriesOf(server, ws.id, ['OPT_IN_CONFIRMATION'])).filter((e) => e.status === 'SENT').length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(accepted);
    const sentTo = new Set((await confirmations()).map((e) => e.recipientPhone));
    const texts = textsTo((to) => sentTo.has(to));
    // K9: each accepted number also gets its one opt-in confirmation; nothing else goes out.
    expect(texts).toHaveLength(accepted * 2);
    expect(textsTo((to) => !to.startsWith('+1') || to.startsWith('+1900'))).toEqual([]);
    console.info(`[probe] 200 signups from one IP: ${accepted} accepted, ${texts.length} texts sent, ${limited.length} RATE_LIMITED, ${refusedDestination} refused destinations`);
  }, 180_000);

  it('A8: one phone with 30 emails (from 30 addresses behind the trusted proxy) gets at most 3 booking texts an hour (and its one opt-in confirmation)', async () => {
    const study = await createStudyWithSession(server, ws.adminKey, { name: 'Bombed study' });
    const phone = '+12125559876';
    const before = await storedCounts(server, ws.id);
    const results = await inBatches(30, 10, (i) => attempt(study, { phone }, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted, JSON.stringify(results.filter((r) => !r.ok && r.code !== 'RATE_LIMITED'))).toBe(3);
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'RATE_LIMITED' && (r.retryAfter ?? 0) > 0)).toBe(true);
    expect((await storedCounts(server, ws.id)).participants - before.participants).toBe(3);
    await expect.poll(async () => (await entriesOf(server, ws.id, ['CONFIRMATION'])).filter((e) => e.recipientPhone === phone && e.status === 'SENT').length, { timeout: 15_000 }).toBe(3);
    // K9: the number's one opt-in confirmation (one per number per workspace per day), then nothing more.
    await expect.poll(async () => (await entriesOf(server, ws.id, ['OPT_IN_CONFIRMATION'])).filter((e) => e.recipientPhone === phone && e.status === 'SENT').length, { timeout: 20_000 }).toBe(1);
    expect(textsTo((to) => to === phone)).toHaveLength(4);
    console.info(`[probe] one phone, 30 emails: ${accepted} accepted, ${textsTo((to) => to === phone).length} texts to that phone`);
  });

  it('A7: +1 900 555 0123 (premium rate) is refused at signup with a field error; nothing stored, nothing sent', async () => {
    const study = await createStudyWithSession(server, ws.adminKey, { name: 'Premium study' });
    const before = await storedCounts(server, ws.id);
    for (const phone of ['+1 900 555 0123', '+1 800 555 0100', LONDON_MOBILE]) {
      const result = await attempt(study, { phone }, { 'x-forwarded-for': '192.0.2.90' });
      expect(result).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'phone' });
    }
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(textsTo((to) => to === '+19005550123' || to === '+18005550100' || to === LONDON_MOBILE)).toEqual([]);
  });

  it('A7: a text to a country the workspace no longer allows is SKIPPED DESTINATION_NOT_ALLOWED by decideSend', async () => {
    const setCountries = (countries: string[]) =>
      server.ok(`mutation($c: [String!]) { updateWorkspaceSettings(input: { allowedDestinationCountries: $c }) { destinationPolicy { allowedCountries isDefault } } }`, { c: countries }, ws.adminKey);
    expect((await setCountries(['US', 'GB'])).updateWorkspaceSettings.destinationPolicy).toEqual({ allowedCountries: ['US', 'GB'], isDefault: false });
    const study = await createStudyWithSession(server, ws.adminKey, { name: 'Abroad study' });
    // The reminder falls due three seconds from now.
    const sessionId = await createSession(server, ws.adminKey, study.id, new Date(Date.now() + REMINDER_LEAD_MS + 3000));
    expect(await attempt({ ...study, sessionId }, { phone: '+447400123457' }, { 'x-forwarded-for': '192.0.2.91' })).toEqual({ ok: true });
    await setCountries([]);
    const reminder = await waitForEntry(server, (e) => e.kind === 'REMINDER' && e.sessionId === sessionId && e.status === 'SKIPPED');
    expect(reminder.skipReason).toBe('DESTINATION_NOT_ALLOWED');
    // The change is audited.
    const { workspace } = await server.ok(`{ workspace { auditTrail(first: 5) { nodes { setting oldValue newValue } } } }`, {}, ws.adminKey);
    expect(workspace.auditTrail.nodes).toContainEqual({ setting: 'allowedDestinationCountries', oldValue: 'US,GB', newValue: null });
    // A MEMBER cannot change it.
    const member = await server.gql(`mutation { updateWorkspaceSettings(input: { allowedDestinationCountries: ["RU"] }) { id } }`, {}, ws.memberKey);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.gql(`mutation { updateWorkspaceSettings(input: { allowedDestinationCountries: ["XX"] }) { id } }`, {}, ws.adminKey)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'allowedDestinationCountries' } }],
    });
  });

  it('A8: past the hourly budget of new numbers the pumping breaker holds public texts (SUSPECTED_ABUSE) until an ADMIN resets it', async () => {
    const lab = await createTestWorkspace(server, 'Breaker Lab', { smsEnabled: true });
    await server.ok(`mutation { updateWorkspaceSettings(input: { pumpingBudgetPerHour: 2 }) { id } }`, {}, lab.adminKey);
    const study = await createStudyWithSession(server, lab.adminKey, { name: 'Breaker study' });
    const phones = ['+12025550141', '+13125550142', '+16175550143', '+17135550144'];
    for (const [i, phone] of phones.entries()) {
      expect(await attempt(study, { phone }, { 'x-forwarded-for': `198.51.100.${i + 10}` })).toEqual({ ok: true });
    }
    const decided = async () => (await entriesOf(server, lab.id, ['CONFIRMATION'])).filter((e) => e.status !== 'QUEUED' && e.status !== 'SENDING');
    await expect.poll(async () => (await decided()).length, { timeout: 15_000 }).toBe(4);
    const byPhone = Object.fromEntries((await decided()).map((e) => [e.recipientPhone, e.skipReason ?? e.status]));
    expect(byPhone).toEqual({ [phones[0]]: 'SENT', [phones[1]]: 'SENT', [phones[2]]: 'SUSPECTED_ABUSE', [phones[3]]: 'SUSPECTED_ABUSE' });
    const STATE = `{ workspace { pumpingBreaker { tripped trippedAt budgetPerHour newNumbersThisHour } } }`;
    const { workspace } = await server.ok(STATE, {}, lab.memberKey);
    expect(workspace.pumpingBreaker).toMatchObject({ tripped: true, budgetPerHour: 2, newNumbersThisHour: 4 });
    expect(textsTo((to) => to === phones[2] || to === phones[3])).toEqual([]);

    // Only an ADMIN resets it; then a new number is texted again, and both changes are audited.
    expect((await server.gql(`mutation { resetPumpingBreaker { id } }`, {}, lab.memberKey)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await server.ok(`mutation { resetPumpingBreaker { id } }`, {}, lab.adminKey);
    expect((await server.ok(STATE, {}, lab.adminKey)).workspace.pumpingBreaker).toMatchObject({ tripped: false, trippedAt: null, newNumbersThisHour: 0 });
    expect(await attempt(study, { phone: '+14045550145' }, { 'x-forwarded-for': '198.51.100.20' })).toEqual({ ok: true });
    await waitForEntry(server, (e) => e.recipientPhone === '+14045550145' && e.status === 'SENT');
    const audit = await server.ok(`{ workspace { auditTrail(first: 10) { nodes { setting actorLabel } } } }`, {}, lab.adminKey);
    const settings = audit.workspace.auditTrail.nodes.map((n: { setting: string; actorLabel: string }) => `${n.setting}:${n.actorLabel}`);
    expect(settings).toEqual(expect.arrayContaining(['pumpingBudgetPerHour:api-key:Initial admin key', 'pumpingTrippedAt:tock:pumping-breaker', 'pumpingTrippedAt:api-key:Initial admin key']));
  });

  it('A8: the manage-booking mutations are limited per IP (RATE_LIMITED), and a refused cancel changes nothing', async () => {
    const study = await createStudyWithSession(server, ws.adminKey, { name: 'Managed study' });
    const signup = await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'M', email: 'managed@example.com', phone: '+13125550199', smsConsent: true });
    const signed = await server.gql(SIGN_UP, { input: signup }, null, { 'x-forwarded-for': '192.0.2.151' });
    const { signUp } = signed.data!;
    const token = signUp.manageUrl.split('/').at(-1);
    const headers = { 'x-forwarded-for': '192.0.2.150' };
    const REMOVE = `mutation($t: String!) { removeBookingPhone(manageToken: $t) { id } }`;
    for (let i = 0; i < 20; i++) expect((await server.gql(REMOVE, { t: token }, null, headers)).errors).toBeUndefined();
    const cancel = await server.gql(`mutation($t: String!) { cancelBooking(manageToken: $t) { status } }`, { t: token }, null, headers);
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await server.ok(`query($t: String!) { booking(manageToken: $t) { status } }`, { t: token })).booking.status).toBe('BOOKED');
  });

  it('A10: 600 wrong API secrets in 10 s from one IP are throttled (429 with Retry-After) over HTTP and WebSocket; the log names the key prefix only', async () => {
    const logs = captureLogs();
    const attacker = { 'x-forwarded-for': '198.51.100.66' };
    const started = Date.now();
    const statuses = await inBatches(600, 20, async () => {
      const secret = `tock_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, ...attacker },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code, secret };
    });
    const seconds = (Date.now() - started) / 1000;
    const throttled = statuses.filter((s) => s.status === 429);
    // 30 failures a minute are allowed; the rest are refused before the key is looked at.
    expect(throttled.length).toBeGreaterThanOrEqual(600 - 30 - 20);
    expect(throttled.every((s) => Number(s.retryAfter) > 0 && s.code === 'RATE_LIMITED')).toBe(true);
    expect(statuses.filter((s) => s.status !== 429).every((s) => s.code === 'UNAUTHENTICATED')).toBe(true);
    // Even the right key is refused from that IP for now; another address is unaffected.
    expect((await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.adminKey}`, ...attacker }, body: '{"query":"{ me { role } }"}' })).status).toBe(429);
    expect((await server.ok(`{ me { role } }`, {}, ws.adminKey)).me.role).toBe('ADMIN');
    // The WebSocket upgrade from that IP is refused with 429 too.
    const upgrade = await new Promise<{ status: number; retryAfter?: string }>((resolve) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: attacker });
      socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      socket.on('open', () => {
        socket.close();
        resolve({ status: 101 });
      });
    });
    expect(upgrade.status).toBe(429);
    expect(Number(upgrade.retryAfter)).toBeGreaterThan(0);
    // One line for the throttled IP, naming a key prefix and no secret.
    // O1: the process's JSON log lines; the throttle's is a warning that names the IP and the key prefix.
    const lines = logs.lines.map((line) => String(line.msg)).filter((line) => line.includes('[auth]'));
    logs.restore();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/key prefix tock_[0-9a-f]{12}_…/);
    expect(statuses.some((s) => lines[0].includes(s.secret.slice('tock_'.length + 13)))).toBe(false);
    console.info(`[probe] 600 wrong secrets in ${seconds.toFixed(1)} s: ${throttled.length} answered 429`);
  });

  it('A10: failed WebSocket authentication counts against the IP as well', async () => {
    const attacker = { 'x-forwarded-for': '198.51.100.77' };
    const closeCodes: number[] = [];
    // 30 failures a minute pass (4403); the 31st goes over and the next upgrade is refused.
    for (let i = 0; i < 32; i++) {
      closeCodes.push(
        await new Promise<number>((resolve) => {
          const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: attacker });
          socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey: `tock_${'0'.repeat(12)}_${'x'.repeat(43)}` } })));
          socket.on('close', (code) => resolve(code));
          socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        }),
      );
    }
    expect(closeCodes.slice(0, 31).every((code) => code === 4403)).toBe(true);
    expect(closeCodes[31]).toBe(429);
  });
});
