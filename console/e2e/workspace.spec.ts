import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudyWithSession, SIGN_UP } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { createTestWorkspace, errorCodes } from '../../server/test/harness.js';
import { withChallenge } from '../../server/test/signup-challenge.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const WORKSPACE = `{ workspace { smsEnabled senderNumber shiftAlertLeadMinutes delivery { configured summary } } }`;

async function openWorkspace(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Workspace' }).click();
  await page.getByRole('switch', { name: 'Workspace SMS' }).waitFor();
}

describe('console: workspace settings (W1, W3)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('W1: a MEMBER sees the SMS switch read-only', async () => {
    const page = await fixture.signIn(fixture.workspace.memberKey);
    await openWorkspace(page);
    const toggle = page.getByRole('switch', { name: 'Workspace SMS' });
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    // The reason is tied to the switch for screen readers.
    const reasonId = await toggle.getAttribute('aria-describedby');
    expect(await page.locator(`#${reasonId}`).textContent()).toContain('Only an ADMIN key can change this.');
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    await screenshot(page, 'workspace-member');

    // The server refuses a MEMBER too, and nothing changes.
    const refused = await fixture.server.gql(`mutation { setWorkspaceSms(enabled: true) { smsEnabled } }`, {}, fixture.workspace.memberKey);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect((await fixture.server.ok(WORKSPACE, {}, fixture.workspace.adminKey)).workspace.smsEnabled).toBe(false);
  });

  it('W1: an ADMIN turns workspace SMS on in the console', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await openWorkspace(page);
    const toggle = page.getByRole('switch', { name: 'Workspace SMS' });
    expect(await toggle.isChecked()).toBe(false);
    await page.getByText('Off: nothing is sent').waitFor();

    // Keyboard: the switch is a real checkbox, reachable and toggled with Space.
    await toggle.press('Space');
    await page.getByText('On: texts go out').waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect((await fixture.server.ok(WORKSPACE, {}, fixture.workspace.adminKey)).workspace.smsEnabled).toBe(true);

    // Audited: who, when, old, new.
    const audit = page.getByRole('table', { name: 'Audit trail' });
    const row = audit.getByRole('row', { name: /Workspace SMS/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1)).toEqual(['Key “Initial admin key”', 'Workspace SMS', 'Off', 'On']);
    expect(cells[0]).toMatch(/\d{4}/);

    // The shift-alert lead time, through the settings form (also audited).
    await page.getByLabel('Shift-alert lead time (minutes)').fill('90');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await fixture.server.ok(WORKSPACE, {}, fixture.workspace.adminKey)).workspace.shiftAlertLeadMinutes).toBe(90);
    await audit.getByRole('row', { name: /Shift-alert lead time/ }).waitFor();
    await screenshot(page, 'workspace-admin');
  });

  it('W3: without a sender number the page says texts are skipped as not configured', async () => {
    const other = await createTestWorkspace(fixture.server, 'Northwind Shifts');
    const page = await fixture.signIn(other.adminKey, { phone: true });
    await openWorkspace(page);
    const delivery = page.getByRole('region', { name: 'Delivery' });
    await delivery.getByText('Configured', { exact: true }).waitFor();

    await page.getByLabel('Sender number').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = (await fixture.server.ok(WORKSPACE, {}, other.adminKey)).workspace;
    expect(stored.senderNumber).toBeNull();
    expect(stored.delivery.configured).toBe(false);
    await delivery.getByText('Not configured', { exact: true }).waitFor();
    expect(await delivery.textContent()).toContain(stored.delivery.summary);
    expect(await delivery.textContent()).toContain('every text is logged as Skipped, reason “Delivery not configured”');

    // A bad number is a field error next to the field (A5), and nothing is stored.
    await page.getByLabel('Sender number').fill('not a phone');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByLabel('Sender number').getAttribute('aria-invalid')).toBe('true');
    expect((await fixture.server.ok(WORKSPACE, {}, other.adminKey)).workspace.senderNumber).toBeNull();
    await screenshot(page, 'workspace-phone');
  });

  it('W1: the audit trail pages back through older changes', async () => {
    const busy = await createTestWorkspace(fixture.server, 'Busy Labs');
    for (let i = 0; i < 26; i++) {
      await fixture.server.ok(`mutation($on: Boolean!) { setWorkspaceSms(enabled: $on) { id } }`, { on: i % 2 === 0 }, busy.adminKey);
    }
    const page = await fixture.signIn(busy.adminKey);
    await openWorkspace(page);
    const rows = page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(26);
    // The oldest change is the first switch-on.
    expect(await rows.last().getByRole('cell').allTextContents()).toEqual([expect.any(String), 'Key “Initial admin key”', 'Workspace SMS', 'Off', 'On']);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });

  it('A7/A8: an ADMIN sets the destination countries and the pumping budget; a tripped breaker shows an alert on any open page, live, until reset', async () => {
    const { server } = fixture;
    const lab = await createTestWorkspace(server, 'Pumped Lab', { smsEnabled: true });
    const page = await fixture.signIn(lab.adminKey);
    page.setDefaultTimeout(10_000);
    await openWorkspace(page);
    await page.getByLabel('Allowed destination countries').fill('US, ca');
    await page.getByLabel('Pumping budget (new numbers per hour)').fill('1');
    await page.getByRole('button', { name: 'Save abuse settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const state = async () => (await server.ok(`{ workspace { destinationPolicy { allowedCountries } pumpingBreaker { tripped budgetPerHour } } }`, {}, lab.adminKey)).workspace;
    expect(await state()).toEqual({ destinationPolicy: { allowedCountries: ['US', 'CA'] }, pumpingBreaker: { tripped: false, budgetPerHour: 1 } });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

    // Two public signups with new numbers: the second is past the budget of one.
    const study = await createStudyWithSession(server, lab.adminKey, { name: 'Pumped study' });
    for (const [i, phone] of ['+14155550191', '+14165550192'].entries()) {
      const input = await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: `P${i}`, email: `p${i}@example.com`, phone, smsConsent: true });
      expect((await server.gql(SIGN_UP, { input }, null, { 'x-forwarded-for': `192.0.2.${200 + i}` })).errors).toBeUndefined();
    }
    expect((await state()).pumpingBreaker.tripped).toBe(true);
    // A8: the alert reaches whatever page the admin has open, live, and leads to the reset.
    const banner = page.getByRole('alert').filter({ hasText: 'Possible SMS pumping' });
    await banner.waitFor();
    await screenshot(page, 'overview-pumping-breaker');
    await banner.getByRole('link', { name: 'Review and reset the breaker' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Possible SMS pumping' });
    await alert.getByRole('button', { name: 'Reset the pumping breaker' }).waitFor();
    await screenshot(page, 'workspace-pumping-breaker');
    // The shell's banner gives way to the page's own panel.
    expect(await alert.count()).toBe(1);
    await alert.getByRole('button', { name: 'Reset the pumping breaker' }).click();
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(0);
    expect((await state()).pumpingBreaker.tripped).toBe(false);
  });
});
