import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../server/src/employees/employee.entity.js';
import { ConsentRecord } from '../../server/src/consent/consent-record.entity.js';
import { seriousAxeViolations } from './axe.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const ROWS = 10_000;
const STATEMENT = 'Signed SMS consent forms collected at onboarding, March 2026';

// A team file as an HR export writes it: 10,000 rows, every third opted in,
// and a few rows the console (no name, opt-in "maybe") or the server (bad phone, bad email) refuses.
function teamCsv(): string {
  const lines = ['Name,Email,Phone,SMS opt-in'];
  for (let i = 0; i < ROWS; i++) {
    let name = `Crew ${String(i).padStart(5, '0')}`;
    let email = `crew${i}@example.com`;
    let phone = `+1415${2_000_000 + i}`;
    let optIn = i % 3 === 0 ? 'yes' : 'no';
    // Line numbers count the header as line 1: row i is line i + 2.
    if (i === 17) name = '';
    if (i === 2_345) optIn = 'maybe';
    if (i === 4_999 || i === 9_998) phone = '555-01';
    if (i === 7_500) email = 'not-an-email';
    lines.push([name, email, phone, optIn].join(','));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'tock-import-')), 'team.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('console: CSV import of the team (E2 in bulk)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('E2: a 10,000-row CSV imports with a preview, progress and per-row errors; opt-ins carry the statement', { timeout: 180_000 }, async () => {
    const { server, workspace } = fixture;
    const path = teamCsv();
    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/console/team`);
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    // One dialog, retitled "Import finished" at the end.
    const dialog = page.getByRole('dialog');
    await page.getByRole('dialog', { name: 'Import employees from a CSV file' }).waitFor();
    await dialog.getByLabel('CSV file').setInputFiles(path);

    // The preview: what the console could check before sending anything.
    await dialog.getByText('team.csv: 9,998 rows ready to import; 2 rows with problems will be left out.').waitFor();
    const preview = dialog.getByRole('table', { name: 'Import preview' });
    expect(await preview.getByRole('row').count()).toBe(6);
    expect(await preview.getByRole('row').nth(1).innerText()).toMatch(/2\s+Crew 00000\s+crew0@example.com\s+\+14152000000\s+On/);
    const problems = dialog.getByRole('list', { name: 'Rows with problems' });
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual(['Line 19, name: Every employee needs a name', 'Line 2347, smsOptIn: "maybe" is not yes or no']);
    expect(await server.app.dataSource.getRepository(Employee).countBy({ workspaceId: workspace.id })).toBe(0);

    // Rows opt in without their own statement: the import asks for one first.
    await dialog.getByRole('button', { name: 'Import 9,998 rows' }).click();
    await dialog.getByText(/Say how consent was obtained \(at least 10 characters\)/).waitFor();
    await dialog.getByLabel(/How was consent obtained\?/).fill(STATEMENT);
    expect(await seriousAxeViolations(page, 'import preview')).toEqual([]);
    await screenshot(page, 'team-import-preview');
    await dialog.getByRole('button', { name: 'Import 9,998 rows' }).click();
    await page.getByRole('dialog', { name: 'Import finished' }).waitFor({ timeout: 150_000 });
    expect(await dialog.getByLabel('Progress').getAttribute('value')).toBe('9998');

    const result = dialog.getByRole('status', { name: 'Import result' });
    expect(await result.innerText()).toMatch(/Created\s+9,995 employees[\s\S]*Not imported\s+5 rows[\s\S]*Consent records written\s+3,333/);
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual([
      'Line 19, name: Every employee needs a name',
      'Line 2347, smsOptIn: "maybe" is not yes or no',
      'Line 5001, phone: "555-01" is not a valid phone number',
      'Line 7502, email: "not-an-email" is not an email address',
      'Line 10000, phone: "555-01" is not a valid phone number',
    ]);
    expect(await seriousAxeViolations(page, 'import done')).toEqual([]);
    await screenshot(page, 'team-import-done');

    const employees = server.app.dataSource.getRepository(Employee);
    expect(await employees.countBy({ workspaceId: workspace.id })).toBe(9_995);
    // Every third row opts in (3,334); of the refused rows only 7,500 was one of them.
    expect(await employees.countBy({ workspaceId: workspace.id, smsOptIn: true })).toBe(3_333);
    const records = await server.app.dataSource.getRepository(ConsentRecord).findBy({ workspaceId: workspace.id });
    expect(records).toHaveLength(3_333);
    expect(new Set(records.map((r) => `${r.action} ${r.source} ${r.attestation}`))).toEqual(new Set([`GRANTED BULK ${STATEMENT}`]));

    // The list behind the dialog shows the imported team.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('switch', { name: 'SMS opt-in for Crew 00000' }).waitFor();
  });
});
