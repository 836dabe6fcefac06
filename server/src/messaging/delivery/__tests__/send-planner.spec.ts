import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { recordAndSchedule } from '../../../../test/sending.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { SEND_MESSAGE_JOB } from '../../../jobs/definitions/send-message.job.js';
import { ratePlan } from '../../rate-limit/create-rate-limiter.js';
import { rateSteps } from '../../rate-limit/rate-plan.js';

const CAP = 2;
const BURST = 40;

// L8 on the job store: new texts the cap cannot carry by their due time get
// their jobs saved early, earliest deadline first; the entries keep their due time.
describe('the send planner (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let stepMs = 0;
  beforeAll(async () => {
    // No worker: nothing sends; the test reads where the jobs were put.
    server = await startTestServer({ worker: false, env: { VONAGE_RATE_LIMIT_PER_SECOND: String(CAP) } });
    ws = await createTestWorkspace(server, 'Plan Co', { smsEnabled: true });
    // The planner's step: the key's spacing at the cap, with its 10 % margin.
    stepMs = rateSteps(ratePlan(server.app.config)).keyMs * 1.1;
  });
  afterAll(() => server?.stop());

  const tag = randomBytes(3).toString('hex');
  const texts = (name: string, count: number, dueAt: Date) =>
    recordAndSchedule(
      server,
      Array.from({ length: count }, (_, i) => ({
        workspaceId: ws.id,
        kind: MessageKind.KEYWORD_REPLY,
        idempotencyKey: `plan:${tag}:${name}:${i}`,
        sendAt: dueAt,
        recipientPhone: `+1415555${String(i).padStart(4, '0')}`,
        body: `Plan ${name} #${i}`,
      })),
    );
  const jobTimes = async (entries: CommsLogEntry[]) =>
    Promise.all(
      entries.map(async (entry) => {
        const { jobs } = await server.app.agenda.queryJobs({ name: SEND_MESSAGE_JOB, data: { entryId: String(entry.id) } });
        expect(jobs, `job of entry ${entry.id}`).toHaveLength(1);
        return jobs[0].nextRunAt!.getTime();
      }),
    );

  it('L8: a burst of texts due at one moment is started early, one step apart, the last at its due time; entries keep their due time', async () => {
    const dueAt = new Date(Date.now() + 10 * 60_000);
    const burst = await texts('burst', BURST, dueAt);
    const starts = (await jobTimes(burst)).sort((a, b) => a - b);
    expect(starts.at(-1)).toBe(dueAt.getTime());
    // No earlier than the burst needs: BURST - 1 steps before the due time.
    expect(starts[0]).toBeGreaterThanOrEqual(dueAt.getTime() - (BURST - 1) * stepMs - 1);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(stepMs - 1);
    const stored = await server.app.dataSource.getRepository(CommsLogEntry).findBy({ id: In(burst.map((e) => e.id)) });
    expect(stored.every((e) => e.scheduledFor!.getTime() === dueAt.getTime())).toBe(true);
    // Already in place: the recurring run finds nothing to move.
    expect(await server.app.services.sendPlanner.run()).toBe(0);
  });

  it('L8/T3: a text held for quiet hours is not pulled forward with the burst around it', async () => {
    const dueAt = new Date(Date.now() + 20 * 60_000);
    const [held] = await texts('held', 1, dueAt);
    await server.app.dataSource.getRepository(CommsLogEntry).update({ id: held.id }, { holdReason: 'held for quiet hours until 8:00 AM EST' });
    const burst = await texts('around', BURST, dueAt);
    await server.app.services.sendPlanner.run();
    expect(await jobTimes([held])).toEqual([dueAt.getTime()]);
    const starts = (await jobTimes(burst)).sort((a, b) => a - b);
    expect(starts.at(-1)).toBe(dueAt.getTime());
    expect(starts[0]).toBeLessThan(dueAt.getTime() - (BURST - 2) * stepMs);
  });
});
