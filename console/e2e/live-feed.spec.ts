import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../../server/test/harness.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

interface Booked {
  sessionId: string;
  bookingId: string;
}

/** A study, a session in three days and a sign-up through the invite link (S2): queues a CONFIRMATION. */
async function book(server: GraphQLClient, key: string, n: number): Promise<Booked> {
  const { createStudy } = await server.ok(`mutation($name: String!) { createStudy(input: { name: $name }) { id inviteUrl } }`, { name: `Feed study ${n}` }, key);
  const { createSession } = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 30 } },
    key,
  );
  const { signUp } = await server.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`, {
    input: await withChallenge(server, {
      inviteToken: createStudy.inviteUrl.split('/').pop(),
      sessionId: createSession.id,
      name: `Participant ${n}`,
      email: `participant${n}@example.com`,
      phone: `+1415555020${n}`,
      smsConsent: true,
    }),
  });
  return { sessionId: createSession.id, bookingId: signUp.booking.id };
}

interface LoggedEntry {
  id: string;
  status: string;
  skipReason: string | null;
  updatedAt: string;
}

/** Polls the API until the booking's text of `kind` has been decided SKIPPED; returns the entry. */
async function skippedEntry(server: GraphQLClient, key: string, bookingId: string, kind: string): Promise<LoggedEntry> {
  let found: LoggedEntry | undefined;
  await expect
    .poll(
      async () => {
        const { commsLog } = await server.ok(
          `query($filter: CommsLogFilter) { commsLog(first: 5, filter: $filter) { nodes { id status skipReason updatedAt } } }`,
          { filter: { bookingId, kind, status: 'SKIPPED' } },
          key,
        );
        found = commsLog.nodes[0];
        return Boolean(found);
      },
      { interval: 20, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

async function openFeed(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Live feed' }).click();
  await page.getByText('Live', { exact: true }).waitFor();
}

const row = (page: Page, id: string) => page.locator(`tr[data-entry-id="${id}"]`);

describe('console: live feed (L4)', () => {
  let fixture: ConsoleFixture;
  let admin: string;
  beforeAll(async () => {
    // The worker runs, so queued texts are decided (SKIPPED: workspace SMS is off, W1/W2).
    fixture = await startConsole();
    admin = fixture.workspace.adminKey;
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('L4: a skipped send appears in the live feed within a second', async () => {
    const page = await fixture.signIn(admin);
    await openFeed(page);
    await page.getByText('No messages match yet.').waitFor();

    const { bookingId } = await book(fixture.server, admin, 1);
    const skipped = await skippedEntry(fixture.server, admin, bookingId, 'CONFIRMATION');
    expect(skipped.skipReason).toBe('WORKSPACE_SMS_DISABLED');
    // L4 states the bound: within a second of the skip being recorded.
    const remaining = Date.parse(skipped.updatedAt) + 1000 - Date.now();
    await row(page, skipped.id).filter({ hasText: 'Skipped' }).waitFor({ timeout: Math.max(1, remaining) });

    // Created and then skipped: one row, updated in place, highlighted as new.
    expect(await row(page, skipped.id).count()).toBe(1);
    expect(await row(page, skipped.id).textContent()).toContain('Workspace sms disabled');
    expect(await row(page, skipped.id).getAttribute('class')).toContain('new-row');
    await screenshot(page, 'live-feed');

    // The row opens the full entry.
    await row(page, skipped.id).getByRole('button', { name: /^Details/ }).click();
    const details = page.getByRole('dialog', { name: 'Message details' });
    await details.getByText('Participant 1').waitFor();
    const text = await details.textContent();
    expect(text).toContain('Workspace sms disabled');
    // C2: the number formatted, the person and the session as links (no raw ids), and the timeline of the skip.
    expect(text).toContain('+1 415 555 0201');
    expect(await details.getByRole('link', { name: 'Participant 1' }).getAttribute('href')).toMatch(/^\/console\/participants\//);
    expect(await details.getByRole('link', { name: 'Open the session' }).getAttribute('href')).toMatch(/^\/console\/studies\/.+#session-/);
    expect(await details.getByRole('list', { name: 'Status timeline' }).textContent()).toContain('Held back: Workspace sms disabled');
    await screenshot(page, 'live-feed-details');
    await details.getByRole('button', { name: 'Close' }).click();
    await details.waitFor({ state: 'detached' });
  });

  it('L4: a filter that excludes an event shows nothing new for it', async () => {
    const page = await fixture.signIn(admin);
    await openFeed(page);
    await page.getByLabel('Kind').selectOption('CANCELLATION');
    await page.waitForURL(/kind=CANCELLATION/);
    await page.getByText('Live', { exact: true }).waitFor();
    await page.getByText('No messages match yet.').waitFor();

    // A confirmation (excluded), then a cancellation (included) of the same booking.
    const { bookingId, sessionId } = await book(fixture.server, admin, 2);
    const confirmation = await skippedEntry(fixture.server, admin, bookingId, 'CONFIRMATION');
    await fixture.server.ok(`mutation($id: ID!) { cancelSession(sessionId: $id) { messagesQueued } }`, { id: sessionId }, admin);
    const cancellation = await skippedEntry(fixture.server, admin, bookingId, 'CANCELLATION');
    await row(page, cancellation.id).filter({ hasText: 'Skipped' }).waitFor();

    // One socket delivers in order: had the confirmation passed the filter, it would be here already.
    expect(await row(page, confirmation.id).count()).toBe(0);
    const rows = page.getByRole('table', { name: 'Messages' }).locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Cancellation');
  });

  it('L4: paused, new events wait as "N new" and appear on resume', async () => {
    const page = await fixture.signIn(admin);
    await openFeed(page);
    await page.getByRole('button', { name: 'Pause' }).click();

    const { bookingId } = await book(fixture.server, admin, 3);
    const skipped = await skippedEntry(fixture.server, admin, bookingId, 'CONFIRMATION');
    await page.getByText(/^Paused: [1-9]\d* new events? waiting\.$/).waitFor();
    expect(await row(page, skipped.id).count()).toBe(0);
    await screenshot(page, 'live-feed-paused');

    await page.getByRole('button', { name: /^Resume/ }).click();
    await row(page, skipped.id).filter({ hasText: 'Skipped' }).waitFor();
    expect(await row(page, skipped.id).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
  });

  it('seeds the feed with the latest log entries on arrival, and fits a phone', async () => {
    const page = await fixture.signIn(admin, { phone: true });
    await openFeed(page);
    // The three confirmations skipped above are in the log already.
    // Booking confirmations only (each new number's opt-in confirmation is a kind of its own, K9).
    const kinds = () => page.getByRole('table', { name: 'Messages' }).locator('tbody tr td:nth-child(3)').allTextContents();
    await expect.poll(async () => (await kinds()).filter((kind) => kind === 'Confirmation').length).toBe(3);
    await screenshot(page, 'live-feed-phone');
  });

  it('C1: the feed reconnects after a server restart, says so meanwhile, and back-fills what it missed', async () => {
    const page = await fixture.signIn(admin);
    await openFeed(page);
    const before = await book(fixture.server, admin, 4);
    const seen = await skippedEntry(fixture.server, admin, before.bookingId, 'CONFIRMATION');
    await row(page, seen.id).filter({ hasText: 'Skipped' }).waitFor();

    let missedId = '';
    await fixture.server.restartHttp(async (sideDoor) => {
      await page.getByText('Reconnecting…', { exact: true }).waitFor();
      // Let the browser's next attempt be refused at least once: the first
      // release gave up on the first refused connection.
      const attempt = await page.waitForEvent('websocket');
      await Promise.race([attempt.waitForEvent('socketerror'), attempt.waitForEvent('close')]);
      // Logged (and skipped by the worker) while this page had no connection.
      const missed = await book(sideDoor, admin, 5);
      missedId = (await skippedEntry(sideDoor, admin, missed.bookingId, 'CONFIRMATION')).id;
      expect(await page.getByText('Not connected', { exact: true }).count()).toBe(0);
    });

    await page.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
    await row(page, missedId).filter({ hasText: 'Skipped' }).waitFor();
    expect(await row(page, missedId).count()).toBe(1);
    expect(await row(page, seen.id).count()).toBe(1);
    // Newest first: the back-filled row sits above the one seen before the restart.
    const ids = await page.getByRole('table', { name: 'Messages' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry-id')));
    expect(ids.indexOf(missedId)).toBeLessThan(ids.indexOf(seen.id));
    expect(await page.getByRole('alert').count()).toBe(0);

    // Live again, not only back-filled: a new event arrives over the new socket.
    const after = await book(fixture.server, admin, 6);
    const fresh = await skippedEntry(fixture.server, admin, after.bookingId, 'CONFIRMATION');
    await row(page, fresh.id).filter({ hasText: 'Skipped' }).waitFor();
    await screenshot(page, 'live-feed-after-restart');
    // A restart, a refused attempt and a back-off of up to a few seconds: more than the default 30 s on a busy machine.
  }, 90_000);
});
