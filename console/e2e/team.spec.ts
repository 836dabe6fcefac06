import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
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
    // The server's count for this filter and direction (bulkSmsOptInPreview), not the rows on screen.
    const plan = dialog.getByRole('list', { name: 'What this would change' });
    await plan.waitFor();
    expect(await plan.getByRole('listitem').allTextContents()).toEqual([
      '50 employees will be opted in.',
      '0 employees already opted in (no change).',
      '0 employees without a phone number will be skipped.',
    ]);
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

    // Two picked rows, the other way: the preview counts exactly those ids; cancelling changes nothing.
    await page.getByRole('checkbox', { name: 'Select Crew 01' }).check();
    await page.getByRole('checkbox', { name: 'Select Crew 02' }).check();
    await page.getByRole('region', { name: 'Bulk SMS opt-in' }).getByRole('button', { name: 'Opt out' }).click();
    const optOut = page.getByRole('dialog', { name: 'Opt out 2 employees?' });
    const optOutPlan = optOut.getByRole('list', { name: 'What this would change' });
    await optOutPlan.waitFor();
    expect(await optOutPlan.getByRole('listitem').allTextContents()).toEqual([
      '2 employees will be opted out.',
      '0 employees already opted out (no change).',
    ]);
    await optOut.getByRole('button', { name: 'Cancel' }).click();
    await optOut.waitFor({ state: 'detached' });
    const { consentRecords } = await server.ok(
      `{ consentRecords(first: 100, filter: { source: BULK }) { nodes { action subjectType attestation subjectId } } }`,
      {},
      workspace.adminKey,
    );
    expect(consentRecords.nodes).toHaveLength(50);
    for (const record of consentRecords.nodes) expect(record).toMatchObject({ action: 'GRANTED', subjectType: 'EMPLOYEE', attestation: ATTESTATION });
    expect(new Set(consentRecords.nodes.map((r: { subjectId: string }) => r.subjectId))).toEqual(new Set(employees.nodes.map((e: { id: string }) => e.id)));
  });

  it('E2: a MEMBER switches one employee\'s opt-in (source ADMIN, the key as actor, with a consent statement) and is offered no bulk actions', async () => {
    const { server, workspace } = fixture;
    const dana = (await server.ok(UPSERT, { input: { name: 'Temp Dana', phone: '+14155550300' } }, workspace.adminKey)).upsertEmployee.id as string;
    const { me } = await server.ok(`{ me { apiKeyName } }`, {}, workspace.memberKey);
    const page = await fixture.signIn(workspace.memberKey, { phone: true });
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/console/team`);
    await page.getByLabel('Search name or email').fill('Temp');
    await page.getByLabel('Search name or email').press('Enter');
    const toggle = page.getByRole('switch', { name: 'SMS opt-in for Temp Dana' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    // E2: the switch asks how consent was obtained; an empty statement is refused and nothing is stored.
    await toggle.click();
    const grant = page.getByRole('dialog', { name: 'Opt Temp Dana in to SMS' });
    await grant.getByRole('button', { name: 'Opt in', exact: true }).click();
    await grant.getByText('Say how consent was obtained.').waitFor();
    expect(await seriousAxeViolations(page, 'opt-in dialog')).toEqual([]);
    expect((await server.ok(`query($id: ID!) { employee(id: $id) { smsOptIn } }`, { id: dana }, workspace.adminKey)).employee.smsOptIn).toBe(false);
    await grant.getByLabel('How was consent obtained?').fill('Agreed in person at the morning briefing');
    await grant.getByRole('button', { name: 'Opt in', exact: true }).click();
    await grant.waitFor({ state: 'detached' });
    await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(true);

    const { employee } = await server.ok(`query($id: ID!) { employee(id: $id) { smsOptIn } }`, { id: dana }, workspace.adminKey);
    expect(employee.smsOptIn).toBe(true);
    const { consentRecords } = await server.ok(
      `query($filter: ConsentRecordFilter) { consentRecords(filter: $filter) { nodes { action source subjectType actorLabel attestation } } }`,
      { filter: { subjectId: dana } },
      workspace.adminKey,
    );
    expect(consentRecords.nodes).toEqual([
      { action: 'GRANTED', source: 'ADMIN', subjectType: 'EMPLOYEE', actorLabel: `api-key:${me.apiKeyName}`, attestation: 'Agreed in person at the morning briefing' },
    ]);

    // Bulk is ADMIN-only: no row selection, no bulk bar, and one notice that says why.
    expect(await page.getByRole('table', { name: 'Employees' }).getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Bulk SMS opt-in' }).count()).toBe(0);
    expect(await page.getByText('Changing many at once needs an ADMIN key.').count()).toBe(1);
    await screenshot(page, 'team-member-phone');
  });
});
