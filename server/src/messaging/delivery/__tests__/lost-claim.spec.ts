import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from '../../../../test/harness.js';
import { startLostLinkProxy, type LostLinkProxy } from '../../../../test/lost-link.proxy.js';
import { startSendingServer, type SendingServer } from '../../../../test/sending.js';
import { createApp, type App } from '../../../app/create-app.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageStatus } from '../../../comms-log/comms-log.enums.js';
import { DATABASE_ERROR_CODE, TransientSendError } from '../retry-backoff.js';

// The claim of a text (QUEUED -> SENDING), run by a process whose link to the
// database is lost around that one statement, the two ways a KILL or a broken
// link can lose it. The fault suite's KILL storm left texts SENDING that no
// provider had seen; these pin down both cases, one statement at a time.
const CLAIM = "SET `status` = 'SENDING', `attempts`";

describe('L6: a claim whose database link is lost (MariaDB)', () => {
  let sending: SendingServer;
  let ws: TestWorkspace;
  let proxy: LostLinkProxy;
  let linked: App;
  let phone = 14155550480;

  beforeAll(async () => {
    sending = await startSendingServer({ worker: false });
    ws = await createTestWorkspace(sending.server, 'Lost Link Co', { smsEnabled: true });
    proxy = await startLostLinkProxy({ host: '127.0.0.1', port: 3306 });
    // A second process's view of the same database, through the proxy.
    const { config } = sending.server.app;
    if (config.database.kind !== 'mysql') throw new Error('this suite needs MariaDB');
    const url = new URL(config.database.url);
    url.host = `127.0.0.1:${proxy.port}`;
    linked = await createApp({ ...config, database: { ...config.database, url: url.toString() } });
  });

  afterAll(async () => {
    await linked?.close();
    await proxy?.close();
    await sending?.stop();
  });

  const entries = () => sending.server.app.dataSource.getRepository(CommsLogEntry);
  const requestsFor = (id: string) => sending.standIn.smsRequests.filter((r) => r.clientRef === id).length;

  // An opted-in employee's opt-in confirmation, QUEUED (no worker here sends it).
  async function queuedText(): Promise<string> {
    const { server } = sending;
    phone += 1;
    const { upsertEmployee } = await server.ok(`mutation($phone: String!) { upsertEmployee(input: { name: "Lee", phone: $phone }) { id } }`, { phone: `+${phone}` }, ws.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked at the briefing" }) { id } }`, { id: upsertEmployee.id }, ws.adminKey);
    return String((await entries().findOneByOrFail({ employeeId: upsertEmployee.id, status: MessageStatus.QUEUED })).id);
  }

  async function failedSend(id: string): Promise<TransientSendError> {
    const error = await linked.services.delivery.deliver(id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransientSendError);
    expect((error as TransientSendError).errorCode).toBe(DATABASE_ERROR_CODE);
    return error as TransientSendError;
  }

  it('the claim ran but its answer was lost: it is given back, and the retry sends the text once', async () => {
    const id = await queuedText();
    const lost = proxy.loseAnswerTo(CLAIM);
    const attempt = failedSend(id);
    await lost;
    await attempt;
    expect(await entries().findOneByOrFail({ id })).toMatchObject({ status: MessageStatus.QUEUED, attempts: 1 });
    expect(requestsFor(id)).toBe(0);

    expect(await sending.server.app.services.delivery.deliver(id)).toBe('sent');
    expect(await entries().findOneByOrFail({ id })).toMatchObject({ status: MessageStatus.SENT, attempts: 2 });
    expect(requestsFor(id)).toBe(1);
  });

  it('the claim reached the database only after the send gave up on it: its attempt is used up, so it changes nothing', async () => {
    const id = await queuedText();
    const held = proxy.holdBack(CLAIM);
    const attempt = failedSend(id);
    const claim = await held;
    await attempt;
    // Now the claim runs.
    await claim.deliver();
    expect(await entries().findOneByOrFail({ id })).toMatchObject({ status: MessageStatus.QUEUED, attempts: 1 });
    expect(requestsFor(id)).toBe(0);

    expect(await sending.server.app.services.delivery.deliver(id)).toBe('sent');
    expect(requestsFor(id)).toBe(1);
  });
});
