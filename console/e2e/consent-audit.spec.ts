import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../server/test/harness.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const UPSERT = `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`;
const OPT_IN = `mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id smsOptIn } }`;
const ATTESTATION = 'Agreed on the paper form at onboarding, kept in the HR file.';

describe('console: consent audit (K5)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
    const admin = fixture.workspace.adminKey;
    // Ada opts in; Grace opts in and then out: three records, one REVOKED.
    for (const [name, phone] of [
      ['Ada Lovelace', '+14155550101'],
      ['Grace Hopper', '+14155550102'],
    ]) {
      const { upsertEmployee } = await fixture.server.ok(UPSERT, { input: { name, phone } }, admin);
      await fixture.server.ok(OPT_IN, { input: { employeeId: upsertEmployee.id, optIn: true, attestation: ATTESTATION } }, admin);
      if (name === 'Grace Hopper') await fixture.server.ok(OPT_IN, { input: { employeeId: upsertEmployee.id, optIn: false } }, admin);
    }
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('K5: an ADMIN filters consent records and exports them as CSV', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Consent audit' }).click();
    const table = page.getByRole('table', { name: 'Consent records' });
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(4); // header + 3 records
    await screenshot(page, 'consent-audit');

    // Filter: revoked only.
    await page.getByLabel('Action').selectOption('REVOKED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('+1 415 555 0102');

    // The record's full details, in a dialog.
    await table.getByRole('button', { name: /^Details/ }).click();
    const details = page.getByRole('dialog', { name: 'Consent record' });
    await details.getByText('Employee', { exact: false }).first().waitFor();
    expect(await details.textContent()).toContain('Revoked');
    expect(await details.textContent()).toContain('Initial admin key');
    await details.getByRole('button', { name: 'Close' }).click();

    // Filter: granted to Ada's phone, and today (a day in the viewer's zone) as the date range.
    await page.getByLabel('Action').selectOption('GRANTED');
    await page.getByLabel('Phone').fill('(415) 555-0101');
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await page.getByLabel('From (day)').fill(today);
    await page.getByLabel('To (day, inclusive)').fill(today);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('button', { name: /^Details/ }).click();
    await details.getByText(ATTESTATION).waitFor();
    await details.getByRole('button', { name: 'Close' }).click();

    // Export what the filter shows: one header row and Ada's record.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tock-consent-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,createdAt,workspaceId,subjectType,subjectId,phone,action,source,studyId,sessionId,bookingId,disclosureVersion,disclosureText,ipAddress,userAgent,actorApiKeyId,actorLabel,attestation,keyword',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('+14155550101');
    expect(lines[1]).toContain('GRANTED');
    expect(lines[1]).toContain(ATTESTATION);

    // Clearing the filters shows every record again.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
  });

  it('K5: a consent change made elsewhere is announced on the open page, and shown on request', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    // The console's socket is already open (the shell's alerts); the page's own
    // subscription is in place once the server has one more consent listener.
    const consentEvents = fixture.server.app.services.consentEvents;
    const before = consentEvents.listenerCount;
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Consent audit' }).click();
    const table = page.getByRole('table', { name: 'Consent records' });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await expect.poll(() => consentEvents.listenerCount).toBeGreaterThan(before);

    const { upsertEmployee } = await fixture.server.ok(UPSERT, { input: { name: 'Katherine Johnson', phone: '+14155550103' } }, fixture.workspace.adminKey);
    await fixture.server.ok(OPT_IN, { input: { employeeId: upsertEmployee.id, optIn: true, attestation: ATTESTATION } }, fixture.workspace.adminKey);
    await page.getByText('1 new consent record since this list loaded.').waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(5);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('+1 415 555 0103');
  });

  it('K5: a MEMBER sees the records but not the export, which the server refuses too', async () => {
    const page = await fixture.signIn(fixture.workspace.memberKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Consent audit' }).click();
    await page.getByRole('table', { name: 'Consent records' }).waitFor();
    const exportButton = page.getByRole('button', { name: 'Export CSV' });
    expect(await exportButton.isDisabled()).toBe(true);
    expect(await page.getByText('Only an ADMIN key can export consent records.').isVisible()).toBe(true);
    expect(errorCodes(await fixture.server.gql(`{ exportConsentRecords }`, {}, fixture.workspace.memberKey))).toEqual(['FORBIDDEN']);
  });
});
