import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

const STUDY = `query($id: ID!) { study(id: $id) { smsRemindersEnabled inviteUrl sessions { id startsAt bookings { id } } } }`;
const LOG = `query($filter: CommsLogFilter) { commsLog(filter: $filter) { nodes { kind status skipReason } } }`;

/** The same wall-clock time one day later, for a datetime-local value. */
const nextDay = (local: string): string => new Date(new Date(`${local}:00Z`).getTime() + 86_400_000).toISOString().slice(0, 16);

describe('console: studies (S1, S6)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    // The worker runs, so texts are decided and the history shows sends and skips.
    fixture = await startConsole();
    await fixture.server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, fixture.workspace.adminKey);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('S1: the Interview Reminder SMS switch, and a booking\'s message history', async () => {
    const { server, workspace } = fixture;
    const page = await fixture.signIn(workspace.memberKey);
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Studies' }).click();
    await page.getByText('No studies yet').waitFor();

    // Create a study; it opens with its reminders on (S1).
    await page.getByLabel('Study name').fill('Mobile checkout study');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByRole('heading', { name: 'Mobile checkout study', level: 1 }).waitFor();
    const studyId = page.url().split('/').at(-1)!;
    const reminders = page.getByRole('switch', { name: 'Interview Reminder SMS' });
    expect(await reminders.isChecked()).toBe(true);

    // The invite link, copied with its button.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: 'Copy invite link' }).click();
    await page.getByText('Invite link copied.').waitFor();
    const { study } = await server.ok(STUDY, { id: studyId }, workspace.adminKey);
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(study.inviteUrl);

    // A session, and a participant booked on it through the public API.
    await page.getByRole('button', { name: 'Add session' }).click();
    await page.getByRole('button', { name: 'Reschedule' }).waitFor();
    const sessionId: string = (await server.ok(STUDY, { id: studyId }, workspace.adminKey)).study.sessions[0].id;
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteUrl.split('/').at(-1), sessionId, name: 'Rae Kim', email: 'rae@example.com', phone: '+14155550166', smsConsent: true }),
    });
    const bookingId: string = signUp.booking.id;
    await expect.poll(async () => (await server.ok(LOG, { filter: { bookingId, kind: 'CONFIRMATION' } }, workspace.adminKey)).commsLog.nodes[0]?.status, { timeout: 10_000 }).toBe('SENT');

    // Reminders off (any workspace user may): a reschedule's text is then held back with its reason.
    await reminders.press('Space');
    await expect.poll(async () => (await server.ok(STUDY, { id: studyId }, workspace.adminKey)).study.smsRemindersEnabled, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => reminders.isChecked(), { timeout: 10_000 }).toBe(false);

    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Studies' }).click();
    await page.getByRole('table', { name: 'Studies' }).waitFor();
    await screenshot(page, 'studies');
    await page.getByRole('link', { name: 'Mobile checkout study' }).click();
    await page.getByRole('button', { name: 'Reschedule' }).click();
    const dialog = page.getByRole('dialog');
    const start = dialog.getByLabel('New start (your time)');
    await start.fill(nextDay(await start.inputValue()));
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    // The schedule change and the moved reminder.
    await page.getByText('Rescheduled: 2 texts recorded for booked participants.').waitFor();
    await expect
      .poll(async () => (await server.ok(LOG, { filter: { bookingId, kind: 'SCHEDULE_CHANGE' } }, workspace.adminKey)).commsLog.nodes[0]?.skipReason, { timeout: 10_000 })
      .toBe('STUDY_SMS_DISABLED');

    // The booking's history: the confirmation sent, the schedule change skipped and why.
    await page.getByRole('button', { name: 'Messages for Rae Kim' }).click();
    const history = page.getByRole('table', { name: 'Messages for Rae Kim' });
    await history.waitFor();
    const confirmation = history.getByRole('row').filter({ hasText: 'Confirmation' });
    expect(await confirmation.getByText('Sent', { exact: true }).isVisible()).toBe(true);
    const change = history.getByRole('row').filter({ hasText: 'Schedule change' });
    expect(await change.getByText('Skipped', { exact: true }).isVisible()).toBe(true);
    expect(await change.getByText('Study sms disabled').isVisible()).toBe(true);
    await screenshot(page, 'study');
  });
});
