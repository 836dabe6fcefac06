import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

describe('console: sign-in (A1)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses a wrong key next to the field, then signs in with a real one and shows the workspace and role', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/console/team`);
    // Not signed in: the console sends the visitor to the sign-in page, and back after.
    await page.waitForURL(/\/console\/sign-in/);

    await page.getByLabel('API key').fill('tock_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('That API key is not valid, or it was revoked.').isVisible()).toBe(true);
    expect(await page.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('API key').fill(fixture.workspace.memberKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/team$/);
    const banner = page.getByRole('banner');
    await banner.getByText('Acme Research').waitFor();
    expect(await banner.getByText('MEMBER', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'sign-in-member');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await context.close();
  });

  it('C1: signing in from the console URL that npm start prints lands on an Overview with data, not an error', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    // `npm start` prints http://localhost:<port>/console/: the Overview route, whose data needs a key.
    await page.goto(`${fixture.server.url}/console/`);
    await page.waitForURL(/\/console\/sign-in/);
    await page.getByLabel('API key').fill(fixture.workspace.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/?$/);
    await page.getByRole('main').getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Top skip reasons' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('A valid workspace API key is required').count()).toBe(0);

    // Signing out and in again with another key shows that key's answers, not cached ones.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.goto(`${fixture.server.url}/console/team`);
    await page.waitForURL(/\/console\/sign-in/);
    await page.getByLabel('API key').fill(fixture.workspace.memberKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/team$/);
    await page.getByRole('main').getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await page.getByRole('banner').getByText('MEMBER', { exact: true }).waitFor();
    await page.getByText('No employees yet. Add the first one.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'sign-in-overview');
    await context.close();
  });

  it('opens a deep link and survives a reload while signed in (the stored key goes with the first request)', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    for (const path of ['/console/team', '/console/workspace', '/console/consent']) {
      await page.goto(`${fixture.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.reload();
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByText('A valid workspace API key is required').count()).toBe(0);
    }
    // The workspace page shows data loaded by its preload, not only its title.
    await page.getByText('Acme Research').first().waitFor();
  });

  it('serves deep links to the app and its assets with security headers', async () => {
    const response = await fetch(`${fixture.server.url}/console/participants/some-id`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    const script = html.match(/src="(\/console\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${fixture.server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${fixture.server.url}/console/assets/missing.js`)).status).toBe(404);
  });
});
