import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const PAGES = [
  ['overview', '/console/'],
  ['live-feed', '/console/live'],
  ['messages', '/console/messages'],
  ['workspace', '/console/workspace'],
  ['studies', '/console/studies'],
  ['participants', '/console/participants'],
  ['team', '/console/team'],
  ['schedules', '/console/schedules'],
  ['consent-audit', '/console/consent'],
  ['api-keys', '/console/api-keys'],
] as const;

// Form controls that a screen reader could not name: no <label>, no aria-label, no aria-labelledby.
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, select, textarea')]
  .filter((el) => el.type !== 'hidden' && el.offsetParent !== null)
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map((el) => el.outerHTML.slice(0, 120))`;

// Wider than the window: the page itself scrolls sideways (tables may scroll inside their own box).
const PAGE_OVERFLOW = 'document.documentElement.scrollWidth - window.innerWidth';

async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

describe('console usability: labels, phone width, keyboard', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
    // Something on every list page.
    const key = fixture.workspace.adminKey;
    const { createStudy } = await fixture.server.ok(`mutation { createStudy(input: { name: "Onboarding interviews with a rather long study name" }) { id } }`, {}, key);
    await fixture.server.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), durationMinutes: 45, location: 'Room 4' } },
      key,
    );
    await fixture.server.ok(`mutation { upsertEmployee(input: { name: "Priya Raman", phone: "+14155550188", email: "priya@example.com" }) { id } }`, {}, key);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it.each(['laptop', 'phone'] as const)('every page at %s size names each form control and does not scroll sideways', async (size) => {
    const page = await fixture.signIn(fixture.workspace.adminKey, { phone: size === 'phone' });
    const problems: string[] = [];
    for (const [name, path] of PAGES) {
      await openPage(page, `${fixture.server.url}${path}`);
      const unlabelled = await page.evaluate<string[]>(UNLABELLED_CONTROLS);
      if (unlabelled.length) problems.push(`${name}: unlabelled ${unlabelled.join(', ')}`);
      const overflow = await page.evaluate<number>(PAGE_OVERFLOW);
      if (overflow > 0) problems.push(`${name}: the page is ${overflow}px wider than the window`);
      if (size === 'phone') await screenshot(page, `phone-${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('the keyboard reaches the content first, then the navigation, without a mouse', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await openPage(page, `${fixture.server.url}/console/team`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('location.hash')).toBe('#main');
    // Tabbing on from the navigation lands on a page link, and Enter follows it.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Studies' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
  });
});
