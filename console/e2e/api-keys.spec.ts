import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../server/test/harness.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const WHO_AM_I = `{ me { apiKeyName role } }`;

describe('console: API keys (A1)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it("A1: a new key's secret is shown once, and a revoked key stops working", async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('table', { name: 'API keys' }).waitFor();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Create an API key' });
    await createDialog.getByLabel('Name').fill('Booking site');
    await createDialog.getByLabel('Role').selectOption('MEMBER');
    await createDialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy the new key now' });
    const secret = (await shown.getByLabel('New API key secret').textContent())?.trim() ?? '';
    expect(await shown.getByText('This is the only time the secret').isVisible()).toBe(true);
    await screenshot(page, 'api-keys-secret-shown');

    // The secret works over the API as a MEMBER key of this workspace.
    const who = await fixture.server.ok(WHO_AM_I, {}, secret);
    expect(who.me).toEqual({ apiKeyName: 'Booking site', role: 'MEMBER' });

    await shown.getByRole('button', { name: 'I have stored it — close' }).click();
    await shown.waitFor({ state: 'detached' });
    // Shown once: after the dialog closes the secret is nowhere in the page.
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole('row', { name: /Booking site/ });
    await row.getByText('Active').waitFor();
    // The list shows only the public prefix.
    const { apiKeys } = await fixture.server.ok(`{ apiKeys { name prefix } }`, {}, fixture.workspace.adminKey);
    const prefix: string = apiKeys.find((key: { name: string }) => key.name === 'Booking site').prefix;
    expect(await row.getByText(`${prefix}…`).isVisible()).toBe(true);

    await row.getByRole('button', { name: 'Revoke Booking site' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “Booking site”?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText(/^Revoked/).waitFor();
    await screenshot(page, 'api-keys-revoked');

    expect(errorCodes(await fixture.server.gql(WHO_AM_I, {}, secret))).toEqual(['UNAUTHENTICATED']);
    // The admin's own key still works.
    expect((await fixture.server.ok(WHO_AM_I, {}, fixture.workspace.adminKey)).me.role).toBe('ADMIN');
  });

  it('A1: a MEMBER is told that only an ADMIN manages keys, and the server agrees', async () => {
    const page = await fixture.signIn(fixture.workspace.memberKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByText('Only an ADMIN key can list, create and revoke API keys.').waitFor();
    expect(await page.getByRole('button', { name: 'Create API key' }).count()).toBe(0);
    expect(errorCodes(await fixture.server.gql(`{ apiKeys { id } }`, {}, fixture.workspace.memberKey))).toEqual(['FORBIDDEN']);
  });
});
