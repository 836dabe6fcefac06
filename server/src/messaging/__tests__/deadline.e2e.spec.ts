import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { startSendingServer, type SendingServer } from '../../../test/sending.js';
import { withChallenge } from '../../../test/signup-challenge.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import type { SmsProvider } from '../providers/sms-provider.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`;

// L8 through the real send path (MariaDB, the Vonage SDK against the stand-in):
// a reminder is decided at the moment it would go, after its rate-limit wait,
// so one whose session started during that wait is SKIPPED TOO_LATE, never sent late.
describe('deadline-aware sending (MariaDB, Vonage stand-in)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    // No worker: the test runs each send job's work itself.
    sending = await startSendingServer({ worker: false });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Deadline Research', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());
  afterEach(() => vi.useRealTimers());

  async function reminderFor(phone: string, startsAt: Date): Promise<CommsLogEntry> {
    const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Deadline study" }) { id inviteUrl } }`, {}, ws.adminKey);
    const { createSession } = await server.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: startsAt.toISOString(), durationMinutes: 30 } },
      ws.adminKey,
    );
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: createStudy.inviteUrl.split('/').pop(), sessionId: createSession.id, name: 'Ada', email: `${phone}@example.com`, phone, smsConsent: true }),
    });
    return server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ bookingId: signUp.booking.id, kind: MessageKind.REMINDER });
  }

  // The provider's rate-limit wait, as long as the test says: the clock moves to `until` while the text waits its turn.
  function waitOutlasting(until: Date): () => void {
    const sms = server.app.providers.sms as SmsProvider;
    const real = sms.awaitTurn!.bind(sms);
    sms.awaitTurn = async (text) => {
      vi.setSystemTime(until);
      return real(text);
    };
    return () => {
      delete (sms as Partial<SmsProvider>).awaitTurn;
    };
  }

  const textsTo = (phone: string) => sending.standIn.messages.filter((m) => `+${m.to.replace(/^\+/, '')}` === phone);

  it('L8: a reminder whose session starts while it waits for the rate limit is SKIPPED TOO_LATE, never sent late', async () => {
    const phone = '+14155550811';
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const reminder = await reminderFor(phone, startsAt);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(startsAt.getTime() - 5 * 60_000) });
    const restore = waitOutlasting(new Date(startsAt.getTime() + 1000));
    try {
      expect(await server.app.services.delivery.deliver(String(reminder.id))).toBe('skipped');
    } finally {
      restore();
    }
    const stored = await server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ id: reminder.id });
    expect(stored).toMatchObject({ status: MessageStatus.SKIPPED, skipReason: SkipReason.TOO_LATE, providerMessageId: null });
    expect(textsTo(phone)).toEqual([]);
  });

  it('L8: a reminder still in time after its wait is sent, and states its start time', async () => {
    const phone = '+14155550812';
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const reminder = await reminderFor(phone, startsAt);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(startsAt.getTime() - 20 * 60_000) });
    const restore = waitOutlasting(new Date(startsAt.getTime() - 60_000));
    try {
      expect(await server.app.services.delivery.deliver(String(reminder.id))).toBe('sent');
    } finally {
      restore();
    }
    const [text] = textsTo(phone);
    expect(text.text).toContain('starts at ');
    expect(text.text).not.toMatch(/in \d+ minutes/);
  });
});
