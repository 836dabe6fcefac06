import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommsLogEntry } from '../../server/src/comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../server/src/comms-log/comms-log.enums.js';
import { seriousAxeViolations } from './axe.js';
import { recordPendingFanOuts } from '../../server/test/sending.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

const UPSERT = `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`;
const WEEKS = `query($filter: ScheduleWeekFilter) { scheduleWeeks(filter: $filter) { nodes { employee { name } sendSmsAlert publishedAt shifts { id } } } }`;

/** Next week's Monday, YYYY-MM-DD (UTC calendar; any Monday after today will do). */
function nextMonday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 7 - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

describe('console: schedules (E4, E6)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('E4: the week\'s Send SMS Alert switch, and publishing a week', async () => {
    const { server, workspace } = fixture;
    const jo = (await server.ok(UPSERT, { input: { name: 'Jo Park', phone: '+14155550171' } }, workspace.adminKey)).upsertEmployee.id;
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: jo }, workspace.adminKey);
    await server.ok(UPSERT, { input: { name: 'Lee Wong', phone: '+14155550172' } }, workspace.adminKey);
    const monday = nextMonday();

    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Schedules' }).click();
    await page.getByText('No schedule weeks yet').waitFor();

    // E4: a new week's switch follows the employee's opt-in (Jo in, Lee out).
    for (const name of ['Jo Park', 'Lee Wong']) {
      await page.getByRole('button', { name: 'Add a week' }).click();
      const editor = page.getByRole('dialog', { name: 'Add a schedule week' });
      // A combobox: type part of the name, then choose the match (a team of thousands is searched, not listed).
      await editor.getByRole('combobox', { name: 'Employee' }).fill(name.split(' ')[0].toLowerCase());
      await editor.getByRole('option', { name: new RegExp(name) }).click();
      await editor.getByLabel('Week (any day; saved as its Monday)').fill(monday);
      await editor.getByRole('button', { name: 'Add shift' }).click();
      await editor.getByLabel('Shift 2 note').fill('Closing');
      await editor.getByRole('button', { name: 'Save week' }).click();
      await editor.waitFor({ state: 'detached' });
    }
    const joAlert = page.getByRole('switch', { name: /Send SMS Alert for Jo Park/ });
    const leeAlert = page.getByRole('switch', { name: /Send SMS Alert for Lee Wong/ });
    await leeAlert.waitFor();
    await expect.poll(() => joAlert.isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => leeAlert.isChecked(), { timeout: 10_000 }).toBe(false);
    expect(await page.getByRole('table', { name: 'Schedule weeks' }).getByText('Closing').count()).toBe(2);

    // The manager turns Jo's week off; the saved week keeps it.
    await joAlert.press('Space');
    await expect.poll(async () => (await server.ok(WEEKS, { filter: { weekStart: monday } }, workspace.adminKey)).scheduleWeeks.nodes.find((w: { employee: { name: string } }) => w.employee.name === 'Jo Park')?.sendSmsAlert, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => joAlert.isChecked(), { timeout: 10_000 }).toBe(false);
    await screenshot(page, 'schedules');

    // E6: publish the week, after a confirmation.
    await page.getByRole('button', { name: 'Publish a week…' }).click();
    const publish = page.getByRole('dialog');
    await publish.getByLabel('Week to publish (any day; its Monday is used)').fill(monday);
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await publish.getByText(/Published 2 schedules/).waitFor();
    await screenshot(page, 'schedules-published');
    await publish.getByRole('button', { name: 'Close' }).click();
    const weeks = (await server.ok(WEEKS, { filter: { weekStart: monday } }, workspace.adminKey)).scheduleWeeks.nodes;
    expect(weeks).toHaveLength(2);
    for (const week of weeks) {
      expect(week.publishedAt).not.toBeNull();
      expect(week.shifts).toHaveLength(2);
    }
    await expect.poll(() => page.getByRole('table', { name: 'Schedule weeks' }).getByText('Not yet').count(), { timeout: 10_000 }).toBe(0);
  });
  it('C3: re-publishing an unchanged week texts nobody unless asked; the dialog shows both counts first', async () => {
    const { server, workspace } = fixture;
    // A Monday four weeks ahead, its own week: the test above publishes next week.
    const monday = new Date(`${nextMonday()}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() + 21);
    const week = monday.toISOString().slice(0, 10);
    const shiftOn = (day: number, hour = 15) => {
      const start = new Date(monday);
      start.setUTCDate(start.getUTCDate() + day);
      start.setUTCHours(hour, 0, 0, 0);
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 6 * 3600_000).toISOString() };
    };
    const crew: string[] = [];
    for (const [i, name] of ['Ana Ruiz', 'Ben Ode', 'Cy Tran'].entries()) {
      const id = (await server.ok(UPSERT, { input: { name, phone: `+1415555018${i}` } }, workspace.adminKey)).upsertEmployee.id as string;
      await server.ok(`mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`, { input: { employeeId: id, weekStart: week, shifts: [shiftOn(i)] } }, workspace.adminKey);
      crew.push(id);
    }
    const textsTo = async () => {
      const rows = await server.app.dataSource.getRepository(CommsLogEntry).findBy({ kind: MessageKind.SCHEDULE_PUBLISHED });
      return crew.map((id) => rows.filter((r) => r.employeeId === id).length);
    };

    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/console/schedules`);
    const publishWeek = async () => {
      await page.getByRole('button', { name: 'Publish a week…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Week to publish (any day; its Monday is used)').fill(week);
      return dialog;
    };

    // First publish: all three are new.
    let dialog = await publishWeek();
    await dialog.getByRole('radio', { name: /Only those whose shifts changed since the last publish: 3 employees/ }).waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText(/Published 3 schedules; 3 texts recorded/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Item 9: the request records the decision; the fan-out job (run here, as there is no worker) records the texts.
    await recordPendingFanOuts(server);
    expect(await textsTo()).toEqual([1, 1, 1]);

    // Unchanged: the dialog says nobody changed and everyone is three; the default texts nobody.
    dialog = await publishWeek();
    const onlyChanged = dialog.getByRole('radio', { name: /Only those whose shifts changed since the last publish: 0 employees/ });
    await onlyChanged.waitFor();
    expect(await onlyChanged.isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /Everyone with shifts that week, changed or not: 3 employees/ }).count()).toBe(1);
    await dialog.getByText("No one's shifts changed: publishing now texts nobody.").waitFor();
    expect(await seriousAxeViolations(page, 'publish dialog')).toEqual([]);
    await screenshot(page, 'schedules-republish');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText(/Published 3 schedules; 0 texts recorded .*; 3 employees with unchanged shifts not texted/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await recordPendingFanOuts(server);
    expect(await textsTo()).toEqual([1, 1, 1]);

    // One shift moves: only that employee is texted by default.
    await server.ok(`mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`, { input: { employeeId: crew[1], weekStart: week, shifts: [shiftOn(1, 16)] } }, workspace.adminKey);
    dialog = await publishWeek();
    await dialog.getByRole('radio', { name: /Only those whose shifts changed since the last publish: 1 employee\b/ }).waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText(/1 text recorded/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await recordPendingFanOuts(server);
    expect(await textsTo()).toEqual([1, 2, 1]);

    // Asked explicitly, everyone with shifts is texted.
    dialog = await publishWeek();
    await dialog.getByRole('radio', { name: /Everyone with shifts that week/ }).check();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText(/3 texts recorded/).waitFor();
    await recordPendingFanOuts(server);
    expect(await textsTo()).toEqual([2, 3, 2]);
  });
});
