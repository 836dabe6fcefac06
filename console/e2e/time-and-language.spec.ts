import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Participant } from '../../server/src/studies/participant.entity.js';
import { createStudyWithSession } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';

describe('console: time zones, languages and quiet hours (T1, T2, T3)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('T1/T2/T3: an ADMIN sets the workspace zone, language and quiet hours in Workspace settings, and each change is audited', async () => {
    const page = await fixture.signIn(fixture.workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Workspace' }).click();
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByLabel('Language', { exact: true }).selectOption('ES');
    await page.getByLabel(/Hold texts that can wait/).check();
    await page.getByLabel('Quiet from').fill('22:00');
    await page.getByLabel('Quiet until').fill('07:30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const { workspace } = await fixture.server.ok(`{ workspace { timeZone language quietHoursEnabled quietHoursStart quietHoursEnd } }`, {}, fixture.workspace.adminKey);
    expect(workspace).toEqual({ timeZone: 'America/Chicago', language: 'ES', quietHoursEnabled: true, quietHoursStart: '22:00', quietHoursEnd: '07:30' });
    const audit = page.getByRole('table', { name: 'Audit trail' });
    await audit.getByRole('row', { name: /Time zone/ }).waitFor();
    expect(await audit.getByRole('row', { name: /Quiet hours start/ }).getByRole('cell').allTextContents()).toContain('22:00');
    await screenshot(page, 'workspace-time-language');
  });

  it('T1/T2: the signup page follows a Spanish browser in Los Angeles: the page, its field problems and the disclosure in Spanish, the session zone shown, and the zone and language kept for the participant', async () => {
    const { server, workspace, browser } = fixture;
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, workspace.adminKey);
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Entrevistas', timeZone: 'America/New_York' });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'America/Los_Angeles', locale: 'es-MX' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/console/invite/${study.inviteToken}`);
      const consent = page.getByRole('checkbox', { name: 'Acepto recibir mensajes de texto sobre esta cita' });
      await consent.waitFor();
      expect(await page.getByText(/Responda ALTO para cancelar, AYUDA para ayuda/).isVisible()).toBe(true);
      expect(await page.getByText(/las sesiones son en America\/New_York/).isVisible()).toBe(true);
      expect(await page.getByText(/America\/Los_Angeles/).first().isVisible()).toBe(true);
      expect(await page.locator('form[lang="es"]').count()).toBe(1);

      // The whole page is in Spanish, the server's field problems too.
      await page.getByRole('button', { name: 'Enviar' }).click();
      await page.getByText('Escriba su nombre').waitFor();
      expect(await page.getByText('Elija un horario para su sesión').isVisible()).toBe(true);
      await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null')).toBe('name');

      await page.getByLabel('Su nombre').fill('Lucía Gómez');
      await page.getByLabel('Correo electrónico').fill('lucia@example.com');
      await page.getByRole('radio').first().check();
      await page.getByLabel(/Número de móvil/).fill('(415) 555-0188');
      await consent.check();
      await page.getByRole('button', { name: 'Enviar' }).click();
      await page.getByRole('heading', { name: 'Su cita está reservada' }).waitFor();
      await screenshot(page, 'invite-signup-spanish');
      const participant = await server.app.dataSource.getRepository(Participant).findOneByOrFail({ workspaceId: workspace.id, email: 'lucia@example.com' });
      expect(participant).toMatchObject({ timeZone: 'America/Los_Angeles', language: 'es' });

      // T1: the manage-booking page shows the session's zone and changes the participant's.
      const manageLink = (await page.locator('.secret a').textContent())!;
      await page.goto(`${server.url}/console/manage/${manageLink.split('/').at(-1)}`);
      await page.getByText('(America/New_York)').waitFor();
      await page.getByLabel('Su zona horaria para los mensajes').selectOption('America/Denver');
      await page.getByRole('button', { name: 'Guardar zona horaria' }).click();
      await page.getByRole('status').filter({ hasText: 'Guardado.' }).waitFor();
      expect((await server.app.dataSource.getRepository(Participant).findOneByOrFail({ id: participant.id })).timeZone).toBe('America/Denver');
      await screenshot(page, 'manage-booking-time-zone');
    } finally {
      await context.close();
    }
  });

  it('T1/T2: an employee\'s zone and language are set in their dialog on the Team page', async () => {
    const { server, workspace } = fixture;
    await server.ok(`mutation { upsertEmployee(input: { name: "Rosa Díaz", phone: "+14155550189" }) { id } }`, {}, workspace.adminKey);
    const page = await fixture.signIn(workspace.adminKey);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Edit Rosa Díaz' }).click();
    await page.getByLabel('Time zone').selectOption('America/Phoenix');
    await page.getByLabel('Language of texts').selectOption('ES');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => (await server.ok(`{ employees(filter: { search: "Rosa" }) { nodes { timeZone language } } }`, {}, workspace.adminKey)).employees.nodes[0], { timeout: 10_000 })
      .toEqual({ timeZone: 'America/Phoenix', language: 'ES' });
  });
});
