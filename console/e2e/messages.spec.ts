import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommsLogEntry } from '../../server/src/comms-log/comms-log-entry.entity.js';
import { MessageDirection, MessageKind, MessageStatus } from '../../server/src/comms-log/comms-log.enums.js';
import { Participant } from '../../server/src/studies/participant.entity.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const DAY = 86_400_000;
const TARGET = '+14155550199';

describe('console: message history (C2)', () => {
  let fixture: ConsoleFixture;
  const anaId = randomUUID();
  let anaEntries: string[] = [];

  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
    const { dataSource } = fixture.server.app;
    const workspaceId = fixture.workspace.id;
    await dataSource.getRepository(Participant).insert({ id: anaId, workspaceId, name: 'Ana Lima', email: 'ana.lima@example.com', phone: TARGET, smsConsent: true });
    const at = (daysAgo: number, i = 0) => new Date(Date.now() - daysAgo * DAY + i * 1000);
    const base = { workspaceId, direction: MessageDirection.OUTBOUND, kind: MessageKind.REMINDER };
    // Ana's two texts come first, 40 days ago: older than anything the live feed keeps.
    const ana = await dataSource.getRepository(CommsLogEntry).insert([
      { ...base, recipientPhone: TARGET, participantId: anaId, status: MessageStatus.DELIVERED, createdAt: at(40), updatedAt: at(40) },
      { ...base, recipientPhone: TARGET, participantId: anaId, status: MessageStatus.FAILED, errorCode: '6', createdAt: at(39), updatedAt: at(39) },
    ]);
    anaEntries = ana.identifiers.map((row) => String(row.id));
    // Then 600 newer texts to other numbers.
    await dataSource.getRepository(CommsLogEntry).insert(
      Array.from({ length: 600 }, (_, i) => ({
        ...base,
        kind: MessageKind.SHIFT_ALERT,
        recipientPhone: `+1415556${String(1000 + i).slice(-4)}`,
        status: i % 10 === 0 ? MessageStatus.FAILED : MessageStatus.DELIVERED,
        createdAt: at(10, i),
        updatedAt: at(10, i),
      })),
    );
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  const rows = (page: import('playwright-core').Page) => page.getByRole('table', { name: 'Message history' }).locator('tbody tr');

  it('C2: a phone number in any format finds its messages across the whole history, and a name finds them too', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('main').getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    expect(await page.title()).toBe('Messages · Tock');
    await expect.poll(() => rows(page).count()).toBe(50);

    for (const typed of ['(415) 555-0199', '415.555.0199', '+1 415 555 0199']) {
      await page.getByLabel('Phone, name or email').fill(typed);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/search=/);
      await expect.poll(async () => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry-id')))).join()).toBe([...anaEntries].reverse().join());
    }
    expect(await rows(page).first().textContent()).toContain('Ana Lima');
    await screenshot(page, 'messages-search-phone');

    await page.getByLabel('Phone, name or email').fill('lima');
    await page.getByLabel('Status').selectOption('FAILED');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry-id')))).join()).toBe(anaEntries[1]);

    // The filter is in the address: a reload keeps it.
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await page.getByLabel('Phone, name or email').inputValue()).toBe('lima');

    // A number that cannot be one is said next to the results, and the next search starts clean.
    await page.getByLabel('Phone, name or email').fill('555-0000-000');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('alert').getByText(/not a valid phone number/).waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows(page).count()).toBe(50);
  });

  it('C2: a date range and a status narrow the history, and Load more pages back through it', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.goto(`${fixture.server.url}/console/messages?status=FAILED`);
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    // 60 failed shift alerts and Ana's failed reminder.
    await expect.poll(() => rows(page).count()).toBe(61);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toLocaleDateString('en-CA');
    await page.getByLabel('From (day)').fill(day(45));
    await page.getByLabel('To (day, inclusive)').fill(day(30));
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry-id')))).join()).toBe(anaEntries[1]);
  });

  it('C2: an ADMIN exports what the filter shows as CSV; a MEMBER sees why they cannot', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.goto(`${fixture.server.url}/console/messages?search=lima`);
    await expect.poll(() => rows(page).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0].startsWith('id,createdAt,direction,kind,status')).toBe(true);
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual([...anaEntries].reverse());

    const member = await fixture.signIn(fixture.workspace.memberKey);
    await member.goto(`${fixture.server.url}/console/messages`);
    await member.getByText('Only an ADMIN key can export the message history.').waitFor();
    expect(await member.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
  });
});
