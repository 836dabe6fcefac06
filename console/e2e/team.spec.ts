import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const UPSERT = `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`;
const ATTESTATION = 'Signed SMS consent forms collected at onboarding, March 2026.';

describe('console: team (E1, E2, E5)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
    const { server, workspace } = fixture;
    // 50 with phones (two pages of 25) and 3 without, who fall outside the "has a phone" filter.
    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) =>
        server.ok(UPSERT, { input: { name: `Crew ${String(i + 1).padStart(2, '0')}`, phone: `+1415555${String(100 + i).padStart(4, '0')}` } }, workspace.adminKey),
      ),
      ...Array.from({ length: 3 }, (_, i) => server.ok(UPSERT, { input: { name: `Office ${i + 1}` } }, workspace.adminKey)),
    ]);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('E2: an ADMIN bulk-opts-in 50 employees with an attestation', async () => {
    const { server, workspace } = fixture;
    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('table', { name: 'Employees' }).waitFor();

    await page.getByLabel('Phone').selectOption({ label: 'Has a phone' });
    await page.getByRole('cell', { name: 'Office 1' }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Select all employees on this page' }).check();
    expect(await page.getByRole('checkbox', { name: 'Select Crew 01' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Select all 50 matching this filter' }).click();
    await page.getByText('All 50 employees matching this filter are selected.').waitFor();
    await page.getByRole('region', { name: 'Bulk SMS opt-in' }).getByRole('button', { name: 'Opt in' }).click();

    const dialog = page.getByRole('dialog', { name: 'Opt in 50 employees?' });
    await dialog.waitFor();
    expect(await dialog.getByText('50 employees').first().isVisible()).toBe(true);
    // Too short a statement of how consent was obtained: a field error, nothing changes.
    await dialog.getByLabel('How was consent obtained?').fill('verbal');
    await dialog.getByRole('button', { name: 'Opt in 50 employees' }).click();
    expect(await dialog.getByLabel('How was consent obtained?').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'team-bulk-dialog');

    await dialog.getByLabel('How was consent obtained?').fill(ATTESTATION);
    await dialog.getByRole('button', { name: 'Opt in 50 employees' }).click();
    const result = page.getByRole('dialog', { name: 'Opt in: done' }).getByRole('status', { name: 'Bulk result' });
    await result.waitFor();
    expect((await result.textContent())?.replace(/\s+/g, ' ')).toMatch(/Changed\s*50.*Unchanged\s*0.*Skipped, no phone\s*0.*Weeks whose Send SMS Alert turned on\s*0/);
    await screenshot(page, 'team-bulk-result');
    await page.getByRole('button', { name: 'Close' }).click();
    // The list revalidates: every row on the page now shows its switch on.
    await expect.poll(() => page.getByRole('switch', { name: 'SMS opt-in for Crew 01' }).isChecked(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'team');

    const { employees } = await server.ok(`{ employees(first: 100, filter: { smsOptIn: true }) { nodes { id } } }`, {}, workspace.adminKey);
    expect(employees.nodes).toHaveLength(50);
    const { consentRecords } = await server.ok(
      `{ consentRecords(first: 100, filter: { source: BULK }) { nodes { action subjectType attestation subjectId } } }`,
      {},
      workspace.adminKey,
    );
    expect(consentRecords.nodes).toHaveLength(50);
    for (const record of consentRecords.nodes) expect(record).toMatchObject({ action: 'GRANTED', subjectType: 'EMPLOYEE', attestation: ATTESTATION });
    expect(new Set(consentRecords.nodes.map((r: { subjectId: string }) => r.subjectId))).toEqual(new Set(employees.nodes.map((e: { id: string }) => e.id)));
  });

  it('E2: a MEMBER sees the opt-in switch read-only', async () => {
    const page = await fixture.signIn(fixture.workspace.memberKey);
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Team' }).click();
    await page.getByLabel('Search name or email').fill('Office');
    await page.getByLabel('Search name or email').press('Enter');
    const toggle = page.getByRole('switch', { name: 'SMS opt-in for Office 1' });
    await toggle.waitFor();
    expect(await toggle.isDisabled()).toBe(true);
    const reason = await toggle.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reason}"]`).textContent()).toBe('Only an ADMIN can change SMS opt-in.');
    await page.getByRole('checkbox', { name: 'Select Office 1' }).check();
    expect(await page.getByRole('region', { name: 'Bulk SMS opt-in' }).getByRole('button', { name: 'Opt in' }).isDisabled()).toBe(true);
    await screenshot(page, 'team-member');
  });
});
