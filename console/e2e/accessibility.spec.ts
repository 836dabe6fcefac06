import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP, createStudyWithSession } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

const CONSOLE_PAGES = [
  ['overview', '/console/', 'Overview'],
  ['live-feed', '/console/live', 'Live feed'],
  ['messages', '/console/messages', 'Messages'],
  ['jobs', '/console/jobs', 'Job queue'],
  ['workspace', '/console/workspace', 'Workspace'],
  ['studies', '/console/studies', 'Studies'],
  ['participants', '/console/participants', 'Participants'],
  ['team', '/console/team', 'Team'],
  ['schedules', '/console/schedules', 'Schedules'],
  ['consent-audit', '/console/consent', 'Consent audit'],
  ['api-keys', '/console/api-keys', 'API keys'],
] as const;

/** axe-core's serious and critical findings (contrast included) as short lines, for one readable assertion. */
async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${name}: ${violation.id} at ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

describe('console accessibility (axe-core), page titles and static files', () => {
  let fixture: ConsoleFixture;
  let inviteToken: string;
  let manageToken: string;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
    const key = fixture.workspace.adminKey;
    await fixture.server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, key);
    const study = await createStudyWithSession(fixture.server, key, { name: 'Checkout interviews' });
    inviteToken = study.inviteToken;
    const { signUp } = await fixture.server.ok(SIGN_UP, {
      input: await withChallenge(fixture.server, { inviteToken, sessionId: study.sessionId, name: 'Ana Lima', email: 'ana@example.com', phone: '+14155550161', smsConsent: true }),
    });
    manageToken = (signUp.manageUrl as string).split('/').at(-1)!;
    await fixture.server.ok(`mutation { upsertEmployee(input: { name: "Priya Raman", phone: "+14155550188", email: "priya@example.com" }) { id } }`, {}, key);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it.each(['light', 'dark'] as const)('axe-core finds no serious or critical violation on any page in %s mode', async (scheme) => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.emulateMedia({ colorScheme: scheme });
    const problems: string[] = [];
    for (const [name, path, title] of CONSOLE_PAGES) {
      await page.goto(`${fixture.server.url}${path}`);
      await settle(page);
      // Each route names its tab.
      await expect.poll(() => page.title()).toBe(`${title} · Tock`);
      problems.push(...(await seriousViolations(page, name)));
    }
    await screenshot(page, `api-keys-${scheme}`);
    for (const [name, path] of [
      ['invite', `/console/invite/${inviteToken}`],
      ['manage-booking', `/console/manage/${manageToken}`],
      ['not-found', '/console/no-such-page'],
    ]) {
      await page.goto(`${fixture.server.url}${path}`);
      await settle(page);
      problems.push(...(await seriousViolations(page, name)));
    }
    await screenshot(page, `not-found-${scheme}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await settle(page);
    expect(await page.title()).toBe('Sign in · Tock');
    problems.push(...(await seriousViolations(page, 'sign-in')));
    expect(problems).toEqual([]);
    // Thirteen pages, each loaded and analysed by axe: well past the default 30 s on a busy two-core machine.
  }, 120_000);

  it('serves a favicon, and scripts compressed and cached for good', async () => {
    const favicon = await fetch(`${fixture.server.url}/console/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const html = await (await fetch(`${fixture.server.url}/console/`)).text();
    expect(html).toContain('href="/console/favicon.svg"');
    const script = html.match(/src="(\/console\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    for (const encoding of ['br', 'gzip']) {
      const asset = await fetch(`${fixture.server.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect((await asset.text()).length).toBeGreaterThan(1000);
    }
  });
});
