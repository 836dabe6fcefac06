import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageKind, MessageStatus } from '../../server/src/comms-log/comms-log.enums.js';
import type { TestServer, TestWorkspace } from '../../server/test/harness.js';
import { SENDER, SIGNATURE_SECRET, waitForEntry } from '../../server/test/sending.js';
import { startVonageStandIn, type VonageStandIn } from '../../server/test/vonage-stand-in/vonage-stand-in.js';
import { seriousAxeViolations } from './axe.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

// A time-off answer to an opted-in employee: one text, sent (or refused) as the stand-in decides.
async function timeOffText(server: TestServer, workspace: TestWorkspace, name: string, phone: string, settled: MessageStatus[]) {
  const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name, phone } }, workspace.adminKey);
  await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, workspace.adminKey);
  const { createTimeOffRequest } = await server.ok(
    `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
    { input: { employeeId: upsertEmployee.id, startsOn: '2027-07-05', endsOn: '2027-07-06' } },
    workspace.adminKey,
  );
  await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { id } }`, { id: createTimeOffRequest.id }, workspace.adminKey);
  return waitForEntry(server, (e) => e.employeeId === upsertEmployee.id && e.kind === MessageKind.TIME_OFF_RESPONSE && settled.includes(e.status));
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

describe('console: message detail, resend and the job queue (C2, L9), against the Vonage stand-in on MariaDB', () => {
  let standIn: VonageStandIn;
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    standIn = await startVonageStandIn({ apiKey: 'test-key', apiSecret: 'test-secret', signatureSecret: SIGNATURE_SECRET });
    fixture = await startConsole({
      env: {
        VONAGE_API_KEY: 'test-key',
        VONAGE_API_SECRET: 'test-secret',
        VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
        VONAGE_FROM: SENDER,
        VONAGE_REST_HOST: standIn.url,
        VONAGE_API_HOST: standIn.url,
        // A throttled text waits a minute for its next attempt: long enough to be seen retrying.
        SEND_RETRY_BASE_MS: '60000',
        SEND_RETRY_MAX_DELAY_MS: '60000',
      },
    });
    await fixture.server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, fixture.workspace.adminKey);
  });
  afterAll(async () => {
    await fixture?.stop();
    await standIn?.stop();
  });

  it('C2/L9: a failed text shows its timeline and an explained error; Resend (ADMIN) sends it again; a MEMBER sees why they cannot', async () => {
    const { server, workspace } = fixture;
    standIn.forceStatus('+14155553', 7, 'Number Barred');
    const failed = await timeOffText(server, workspace, 'Rosa Diaz', '+14155553001', [MessageStatus.FAILED]);
    standIn.clearFaults();

    const page = await fixture.signIn(workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('table', { name: 'Message history' }).locator(`tr[data-entry-id="${failed.id}"]`).getByRole('button', { name: /^Details/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Message details' });
    const timeline = dialog.getByRole('list', { name: 'Status timeline' });
    await timeline.waitFor();
    expect(await timeline.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type')))).toEqual(['QUEUED', 'ATTEMPT_STARTED', 'FAILED']);
    expect(await timeline.locator('li[data-event-type="FAILED"]').textContent()).toContain('Failed (attempt 1)');
    // The code in words, with what to do.
    const why = dialog.getByRole('region', { name: 'Why it failed' });
    expect(await why.textContent()).toContain('Vonage send status 7: Number barred.');
    expect(await why.textContent()).toContain('What to do: Do not resend');
    // The person, and the text as it was sent.
    expect(await dialog.getByRole('link', { name: 'Rosa Diaz' }).getAttribute('href')).toBe('/console/team');
    expect(await dialog.locator('.message-text').textContent()).toBe(failed.body);
    await screenshot(page, 'message-detail-failed');

    // Open it as a page, and resend from there.
    await dialog.getByRole('link', { name: 'Open as a page' }).click();
    await page.waitForURL(new RegExp(`/console/messages/${failed.id}$`));
    await page.getByRole('heading', { name: `Message ${failed.id}`, level: 1 }).waitFor();
    expect(await page.title()).toBe(`Message ${failed.id} · Tock`);
    await page.getByRole('button', { name: 'Resend' }).click();
    const resentLink = page.getByRole('status').getByRole('link', { name: /^message \d+$/ });
    await resentLink.waitFor();
    const resentId = (await resentLink.textContent())!.replace('message ', '');
    await waitForEntry(server, (e) => String(e.id) === resentId && e.status === MessageStatus.SENT);
    expect(standIn.messages.filter((m) => m.clientRef === resentId)).toHaveLength(1);
    // The original's timeline names the resend; the resend's names the original.
    await page.reload();
    await page.getByRole('list', { name: 'Status timeline' }).locator('li[data-event-type="RESENT"]').waitFor();
    await resentLink.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Status timeline' }).getByRole('link', { name: `message ${resentId}` }).click();
    await page.waitForURL(new RegExp(`/console/messages/${resentId}$`));
    const resentTimeline = page.getByRole('list', { name: 'Status timeline' });
    await expect.poll(() => resentTimeline.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type')))).toEqual(['QUEUED', 'ATTEMPT_STARTED', 'SENT']);
    expect(await resentTimeline.textContent()).toContain(`A resend of message ${failed.id}`);
    expect(await page.getByRole('button', { name: 'Resend' }).count()).toBe(0);

    for (const scheme of ['light', 'dark'] as const) {
      await page.goto(`${server.url}/console/messages/${failed.id}`);
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      await page.getByRole('list', { name: 'Status timeline' }).waitFor();
      expect(await seriousAxeViolations(page, `message-detail-${scheme}`)).toEqual([]);
    }

    const member = await fixture.signIn(workspace.memberKey);
    await member.goto(`${server.url}/console/messages/${failed.id}`);
    await member.getByText('Only an ADMIN key can resend a text.').waitFor();
    expect(await member.getByRole('button', { name: 'Resend' }).isDisabled()).toBe(true);
  });

  it('C2: the job queue shows a throttled text as a retrying job with its next attempt, linked to the text; ADMIN only', async () => {
    const { server, workspace } = fixture;
    standIn.setFault('sms', { throttle: true });
    const throttled = await timeOffText(server, workspace, 'Sam Okafor', '+14155553002', [MessageStatus.QUEUED]).then(() =>
      waitForEntry(server, (e) => e.kind === MessageKind.TIME_OFF_RESPONSE && e.errorCode === '1'),
    );
    const page = await fixture.signIn(workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Job queue' }).click();
    await page.getByRole('heading', { name: 'Job queue', level: 1 }).waitFor();
    const next = page.getByRole('table', { name: 'Next jobs to run' });
    const row = next.locator('tr', { has: page.getByRole('link', { name: 'Time off response to Sam Okafor' }) });
    // The job's failure is saved just after the text's: refresh until the view says so.
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return row.getAttribute('data-state', { timeout: 2_000 }).catch(() => null);
      })
      .toBe('RETRYING');
    const text = (await row.textContent())!;
    expect(text).toContain('Retrying');
    expect(text).toMatch(/next attempt/);
    expect(text).toContain('1 failed attempt: Throughput Rate Exceeded');
    expect(await page.getByRole('table', { name: 'Jobs by state' }).locator('tr[data-job-name="send-message"]').textContent()).toContain('Send a text');
    await screenshot(page, 'job-queue-retrying');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousAxeViolations(page, `jobs-${scheme}`)).toEqual([]);
    }
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/console/messages/${throttled.id}$`));
    await page.getByRole('list', { name: 'Status timeline' }).locator('li[data-event-type="RETRY_SCHEDULED"]').waitFor();
    standIn.clearFaults();

    const member = await fixture.signIn(workspace.memberKey);
    await member.goto(`${server.url}/console/jobs`);
    await member.getByText('Only an ADMIN key can see the job queue.').waitFor();
  });
});
