import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/harness.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

const BOOKINGS = 3;
// Each booking's CONFIRMATION and its new number's OPT_IN_CONFIRMATION (K9), both SKIPPED while workspace SMS is off.
const SKIPPED = BOOKINGS * 2;

/** A sign-up through an invite link: a CONFIRMATION now (SKIPPED while workspace SMS is off) and a REMINDER queued for later. */
async function signUp(server: TestServer, key: string, n: number): Promise<string> {
  const { createStudy } = await server.ok(`mutation($name: String!) { createStudy(input: { name: $name }) { id inviteUrl } }`, { name: `Study ${n}` }, key);
  const { createSession } = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 45 } },
    key,
  );
  const { signUp: booked } = await server.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`, {
    input: await withChallenge(server, {
      inviteToken: createStudy.inviteUrl.split('/').pop(),
      sessionId: createSession.id,
      name: `Person ${n}`,
      email: `person${n}@example.com`,
      phone: `+1415555030${n}`,
      smsConsent: true,
    }),
  });
  return booked.booking.id;
}

describe('console: overview (L1)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole();
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('L1: the counts and skip reasons shown match what was arranged', async () => {
    const admin = fixture.workspace.adminKey;
    for (let n = 1; n <= BOOKINGS; n++) await signUp(fixture.server, admin, n);
    // The worker decides each confirmation and opt-in confirmation: SKIPPED WORKSPACE_SMS_DISABLED (W2).
    await expect
      .poll(
        async () => {
          const { commsLog } = await fixture.server.ok(`{ commsLog(first: 10, filter: { status: SKIPPED }) { nodes { id } } }`, {}, admin);
          return commsLog.nodes.length;
        },
        { interval: 50, timeout: 20_000 },
      )
      .toBe(SKIPPED);

    const page = await fixture.signIn(admin);
    const cards = page.getByRole('list', { name: 'Last 24 hours' });
    await cards.waitFor();
    // Six skipped confirmations; the three reminders are queued, so nothing sent, delivered or failed.
    for (const [count, label] of [
      [SKIPPED, 'skipped'],
      [0, 'sent'],
      [0, 'delivered'],
      [0, 'failed'],
    ] as const) {
      expect(await cards.getByRole('link', { name: `${count} ${label}: show in the live feed` }).isVisible()).toBe(true);
    }
    expect(await page.getByText(`${BOOKINGS} more are queued`).isVisible()).toBe(true);

    const reasons = page.getByRole('list', { name: 'Top skip reasons' });
    expect((await reasons.getByRole('listitem').allTextContents()).map((text) => text.split('.')[0])).toEqual([
      `Workspace sms disabled: ${SKIPPED}Workspace SMS is off, so nothing is sent (Workspace page)`,
    ]);

    // The chart's text alternative.
    const chart = page.getByRole('img', { name: /^Messages by hour, stacked by status\./ });
    expect(await chart.getAttribute('aria-label')).toContain(`${SKIPPED + BOOKINGS} messages in the last 24 hours`);
    await page.getByText('Show the numbers as a table').click();
    const byHour = page.getByRole('table', { name: 'Messages by hour' });
    expect(await byHour.locator('tbody tr').count()).toBe(24);
    // Column sums: Delivered, Sent, Queued, Failed, Skipped, Total.
    const rows = await byHour.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    const sums = rows.reduce((total, row) => total.map((value, i) => value + row[i]), [0, 0, 0, 0, 0, 0]);
    expect(sums).toEqual([0, 0, BOOKINGS, 0, SKIPPED, SKIPPED + BOOKINGS]);
    // The last row is the current hour, labelled in the viewer's zone (America/New_York).
    const hourLabel = await page.evaluate(() =>
      new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(new Date().setMinutes(0, 0, 0))),
    );
    expect(await byHour.locator('tbody tr').last().getByRole('rowheader').textContent()).toBe(hourLabel);
    await page.getByText('Show the numbers as a table').click();
    await screenshot(page, 'overview');

    // A burst shows as one: the last hour by minute puts these texts in the last minute or two, not one bar of an hour.
    await page.getByLabel('Range').selectOption('1h');
    await page.waitForURL(/range=1h/);
    await page.getByRole('img', { name: /^Messages by minute, stacked by status\./ }).waitFor();
    await page.getByText('Show the numbers as a table').click();
    const byMinute = page.getByRole('table', { name: 'Messages by minute' });
    expect(await byMinute.locator('tbody tr').count()).toBe(60);
    const minutes = await byMinute.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td:last-child')?.textContent)));
    expect(minutes.slice(-3).reduce((a, b) => a + b, 0)).toBe(SKIPPED + BOOKINGS);
    expect(minutes.slice(0, -3).every((count) => count === 0)).toBe(true);
    await screenshot(page, 'overview-by-minute');
    await page.getByLabel('Range').selectOption('24h');

    // Each count opens the live feed filtered by that status.
    await cards.getByRole('link', { name: `${SKIPPED} skipped: show in the live feed` }).click();
    await page.waitForURL(/\/console\/live\?status=SKIPPED$/);
    await expect.poll(() => page.getByRole('table', { name: 'Messages' }).locator('tbody tr').count()).toBe(SKIPPED);
  });

  it('fits a phone screen', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey, { phone: true });
    await page.getByRole('list', { name: 'Last 24 hours' }).waitFor();
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'overview-phone');
  });
});
