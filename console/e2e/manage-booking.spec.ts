import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP, createStudyWithSession } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { newContext, screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

describe('console: manage booking (S7)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('T2: a Spanish-speaking participant manages the booking in Spanish, and cancels it', async () => {
    const { server, workspace, browser } = fixture;
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Entrevistas' });
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, {
        inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Lucía Pérez', email: 'lucia@example.com', phone: '+14155550188', smsConsent: true, language: 'ES', disclosureVersion: '2026-12-es',
      }),
    });
    const manageToken = (signUp.manageUrl as string).split('/').at(-1)!;
    // An English browser: the page follows the participant's language, not the browser's.
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/manage/${manageToken}`);
    await page.getByRole('heading', { name: 'Su cita' }).waitFor();
    expect(await page.locator('section[lang="es"]').count()).toBe(1);
    expect(await page.getByText('Termina en 88').isVisible()).toBe(true);
    expect(await page.getByLabel('Su zona horaria para los mensajes').isVisible()).toBe(true);
    // Dates in Spanish too ("2 dic 2026, 9:00 a. m."), not the browser's English.
    expect(await page.getByText(/\d{1,2} [a-z]{3}\.? \d{4}, \d{1,2}:\d{2}\s?[ap]\.\s?m\./).first().isVisible()).toBe(true);
    await screenshot(page, 'manage-booking-spanish');
    await page.getByRole('button', { name: 'Cancelar mi cita' }).click();
    await page.getByRole('dialog', { name: '¿Cancelar su cita?' }).getByRole('button', { name: 'Sí, cancelar mi cita' }).click();
    await page.getByText('Esta cita está cancelada').waitFor();
    const { booking } = await server.ok(`query($t: String!) { booking(manageToken: $t) { status language } }`, { t: manageToken });
    expect(booking).toEqual({ status: 'CANCELLED', language: 'ES' });
    await context.close();
  });

  it('S7: the manage-booking page removes the phone (consent REVOKED, MANAGE_BOOKING) and cancels the booking', async () => {
    const { server, workspace, browser } = fixture;
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, workspace.adminKey);
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Pricing interviews' });
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Sam Okafor', email: 'sam@example.com', phone: '+14155550187', smsConsent: true }),
    });
    const manageToken = (signUp.manageUrl as string).split('/').at(-1)!;
    const participantId: string = signUp.booking.participantId;

    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/manage/${manageToken}`);
    await page.getByRole('heading', { name: 'Your booking' }).waitFor();
    expect(await page.getByRole('banner').getByText('Pricing interviews').isVisible()).toBe(true);
    expect(await page.getByText('Ends in 87').isVisible()).toBe(true);
    await screenshot(page, 'manage-booking-phone');

    // Remove the phone: a confirmation first, then the result.
    await page.getByRole('button', { name: 'Remove my phone number' }).click();
    const confirmRemove = page.getByRole('dialog', { name: 'Remove your phone number?' });
    await confirmRemove.getByRole('button', { name: 'Yes, remove my number' }).click();
    await page.getByRole('status').getByText('Your phone number is removed').waitFor();
    await page.getByText('None on file').waitFor();
    expect(await page.getByRole('button', { name: 'Remove my phone number' }).count()).toBe(0);

    const { consentRecords } = await server.ok(
      `query($filter: ConsentRecordFilter) { consentRecords(filter: $filter) { nodes { action source phone } } }`,
      { filter: { subjectId: participantId } },
      workspace.adminKey,
    );
    expect(consentRecords.nodes[0]).toMatchObject({ action: 'REVOKED', source: 'MANAGE_BOOKING', phone: '+14155550187' });

    // Cancel: after it the page says so and offers nothing more.
    await page.getByRole('button', { name: 'Cancel my booking' }).click();
    await page.getByRole('dialog', { name: 'Cancel your booking?' }).getByRole('button', { name: 'Yes, cancel my booking' }).click();
    await page.getByText('This booking is cancelled').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel my booking' }).count()).toBe(0);
    const { booking } = await server.ok(`query($t: String!) { booking(manageToken: $t) { status hasPhone smsConsent } }`, { t: manageToken });
    expect(booking).toEqual({ status: 'CANCELLED', hasPhone: false, smsConsent: false });
    await screenshot(page, 'manage-booking-cancelled-phone');

    await page.goto(`${server.url}/console/manage/not-a-real-token`);
    await page.getByRole('heading', { name: 'Booking not found' }).waitFor();
    await context.close();
  });
});
