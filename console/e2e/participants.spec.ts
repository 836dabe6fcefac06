import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP, createStudyWithSession } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { createTestWorkspace } from '../../server/test/harness.js';
import { screenshot, startConsole, type ConsoleFixture } from './browser.js';
import { withChallenge } from '../../server/test/signup-challenge.js';

const CONSENT = `query($filter: ConsentRecordFilter) { consentRecords(filter: $filter) { nodes { action source phone attestation actorLabel } } }`;

describe('console: participants (S8)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('S8: an admin revokes and grants a participant\'s consent by hand; granting without a phone is refused', async () => {
    const { server, workspace } = fixture;
    // Workspace SMS is off, so a phone is optional at signup: one participant has one, one does not.
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Onboarding interviews' });
    const signUp = async (input: Record<string, unknown>) =>
      server.ok(SIGN_UP, { input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, ...input }) });
    const ada = (await signUp({ name: 'Ada Byron', email: 'ada@example.com', phone: '+14155550142', smsConsent: true })).signUp.booking.participantId as string;
    const ben = (await signUp({ name: 'Ben Carter', email: 'ben@example.com', smsConsent: false })).signUp.booking.participantId as string;

    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('table', { name: 'Participants' }).waitFor();
    await screenshot(page, 'participants');

    // Revoke by hand, with a note.
    await page.getByRole('link', { name: 'Ada Byron' }).click();
    await page.getByRole('button', { name: 'Revoke SMS consent' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke SMS consent for Ada Byron?' });
    await revoke.getByLabel('Note (optional)').fill('Asked us by email to stop texting.');
    await revoke.getByRole('button', { name: 'Revoke consent' }).click();
    await page.getByRole('status').getByText('SMS consent revoked.').waitFor();
    await page.getByRole('button', { name: 'Grant SMS consent' }).waitFor();
    const adaRecords = (await server.ok(CONSENT, { filter: { subjectId: ada } }, workspace.adminKey)).consentRecords.nodes;
    expect(adaRecords[0]).toMatchObject({ action: 'REVOKED', source: 'ADMIN', attestation: 'Asked us by email to stop texting.', actorLabel: expect.any(String) });
    const timeline = page.getByRole('list', { name: 'Consent history' });
    expect(await timeline.getByRole('listitem').count()).toBe(2);
    expect(await timeline.getByText('Asked us by email to stop texting.').isVisible()).toBe(true);

    // Granting with no phone on file and none given: the server's field error sits on the phone field.
    await nav.getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('link', { name: 'Ben Carter' }).click();
    await page.getByRole('button', { name: 'Grant SMS consent' }).click();
    const grant = page.getByRole('dialog', { name: 'Grant SMS consent for Ben Carter' });
    // S8: a grant without a statement is refused before anything is sent.
    await grant.getByRole('button', { name: 'Grant consent' }).click();
    await grant.getByText('Say how consent was obtained.').waitFor();
    await grant.getByLabel('How was consent obtained?').fill('Said yes to texts on the phone, 22 Nov.');
    await grant.getByRole('button', { name: 'Grant consent' }).click();
    const phone = grant.getByLabel('Mobile number');
    await expect.poll(() => phone.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await grant.getByText('Granting SMS consent needs a phone number').isVisible()).toBe(true);
    expect((await server.ok(CONSENT, { filter: { subjectId: ben } }, workspace.adminKey)).consentRecords.nodes).toEqual([]);
    await screenshot(page, 'participant-grant-needs-phone');

    await phone.fill('415 555 0199');
    await grant.getByRole('button', { name: 'Grant consent' }).click();
    await page.getByRole('status').getByText('SMS consent granted.').waitFor();
    const benRecords = (await server.ok(CONSENT, { filter: { subjectId: ben } }, workspace.adminKey)).consentRecords.nodes;
    expect(benRecords).toEqual([expect.objectContaining({ action: 'GRANTED', source: 'ADMIN', phone: '+14155550199', attestation: 'Said yes to texts on the phone, 22 Nov.' })]);
    await page.getByRole('list', { name: 'Consent history' }).getByText('+14155550199').waitFor();
    await screenshot(page, 'participant');
  });

  it('K5: a consent change made elsewhere shows on the open participant page at once (consentChanged)', async () => {
    const { server, workspace } = fixture;
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Live consent study' });
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Cai Live', email: 'cai@example.com', phone: '+14155550143', smsConsent: true }),
    });
    const participantId = signUp.booking.participantId as string;
    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    const listening = server.app.services.consentEvents.listenerCount;
    await page.goto(`${server.url}/console/participants/${participantId}`);
    const timeline = page.getByRole('list', { name: 'Consent history' });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => server.app.services.consentEvents.listenerCount).toBeGreaterThan(listening);

    // Another user revokes through the API while the page is open.
    await server.ok(`mutation($input: SetParticipantSmsConsentInput!) { setParticipantSmsConsent(input: $input) { id } }`, { input: { participantId, granted: false } }, workspace.memberKey);
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Grant SMS consent' }).waitFor();
  });

  it('A2: another workspace\'s participant, or none at all, shows "Participant not found" with a way back', async () => {
    const { server, workspace } = fixture;
    const other = await createTestWorkspace(server, 'Other Lab');
    const study = await createStudyWithSession(server, other.adminKey, { name: 'Their interviews' });
    const theirs = (
      await server.ok(SIGN_UP, { input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Cy Other', email: 'cy@example.com', smsConsent: false }) })
    ).signUp.booking.participantId as string;

    const page = await fixture.signIn(workspace.adminKey);
    page.setDefaultTimeout(10_000);
    for (const id of [theirs, 'no-such-participant']) {
      await page.goto(`${server.url}/console/participants/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Participant not found' }).waitFor();
      expect(await page.getByText('Cy Other').count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
    }
    await screenshot(page, 'participant-not-found');
    await page.getByRole('link', { name: 'Back to all participants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/participants');
  });
});
