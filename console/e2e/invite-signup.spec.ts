import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudyWithSession, SIGN_UP, storedCounts } from '../../server/src/studies/__tests__/studies-fixtures.js';
import { newContext, screenshot, startConsole, type ConsoleFixture } from './browser.js';

describe('console: invite signup (S2, S3)', () => {
  let fixture: ConsoleFixture;
  beforeAll(async () => {
    fixture = await startConsole({ worker: false });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('S3: a participant signs up through the invite link with a phone, and the consent record holds the exact disclosure', async () => {
    const { server, workspace, browser } = fixture;
    // S2: with workspace SMS and the study's reminders on, a phone and consent are required.
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, workspace.adminKey);
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Checkout interviews' });

    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/console/invite/${study.inviteToken}`);
    await page.getByRole('heading', { name: 'Sign up for Checkout interviews' }).waitFor();
    await page.getByLabel('Your name').fill('Dana Reyes');
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByRole('radio').first().check();

    // Without a phone: the server's field error shows next to the phone field, and nothing is stored.
    const before = await storedCounts(server, workspace.id);
    await page.getByRole('button', { name: 'Submit' }).click();
    const phone = page.getByLabel('Mobile number');
    await expect.poll(() => phone.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByText('A mobile number is required to book this study').isVisible()).toBe(true);

    // A phone but no consent: the error moves to the consent checkbox.
    await phone.fill('(415) 555-0134');
    await page.getByRole('button', { name: 'Submit' }).click();
    const consent = page.getByRole('checkbox', { name: 'I agree to receive text messages about this booking' });
    await expect.poll(() => consent.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByText('Please agree to receive SMS messages for this booking').isVisible()).toBe(true);
    expect(await storedCounts(server, workspace.id)).toEqual(before);
    await screenshot(page, 'invite-signup-errors-phone');

    // The disclosure shown next to the box is the one the record must keep, word for word.
    const disclosureId = (await consent.getAttribute('aria-describedby'))!.split(' ')[0];
    const shownDisclosure = (await page.locator(`[id="${disclosureId}"]`).textContent())!.trim();
    expect(shownDisclosure).toMatch(/Reply STOP to opt out/);
    const userAgent = await page.evaluate<string>('navigator.userAgent');

    await consent.check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: "You're booked" }).waitFor();
    const manageLink = await page.locator('.secret a').textContent();
    expect(manageLink).toMatch(/\/console\/manage\/[\w-]+$/);
    expect(await page.getByText('It is private').isVisible()).toBe(true);
    await screenshot(page, 'invite-signup-booked-phone');

    const { participants } = await server.ok(
      `{ participants(first: 5) { nodes { id email phone smsConsent } } }`,
      {},
      workspace.adminKey,
    );
    expect(participants.nodes).toEqual([expect.objectContaining({ email: 'dana@example.com', phone: '+14155550134', smsConsent: true })]);
    const participantId: string = participants.nodes[0].id;
    const { consentRecords } = await server.ok(
      `query($filter: ConsentRecordFilter) { consentRecords(filter: $filter) { nodes { action source phone disclosureText disclosureVersion userAgent sessionId studyId } } }`,
      { filter: { subjectId: participantId } },
      workspace.adminKey,
    );
    expect(consentRecords.nodes).toHaveLength(1);
    expect(consentRecords.nodes[0]).toMatchObject({
      action: 'GRANTED',
      source: 'SIGNUP_FORM',
      phone: '+14155550134',
      disclosureText: shownDisclosure,
      userAgent,
      sessionId: study.sessionId,
      studyId: study.id,
    });
    await context.close();

    // The admin sees the same record on the participant's timeline.
    const admin = await fixture.signIn(workspace.adminKey);
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Participants' }).click();
    await admin.getByRole('link', { name: 'Dana Reyes' }).click();
    await admin.waitForURL(new RegExp(`/console/participants/${participantId}$`));
    const timeline = admin.getByRole('list', { name: 'Consent history' });
    await timeline.waitFor();
    expect(await timeline.getByText('Study signup form').isVisible()).toBe(true);
    expect(await timeline.getByText('+14155550134').isVisible()).toBe(true);
    await timeline.getByText('Disclosure text shown').click();
    expect((await timeline.locator('.disclosure').textContent())?.trim()).toBe(shownDisclosure);
    await screenshot(admin, 'participant-timeline');

    // K5: and in the consent audit, with the exact disclosure in its details.
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Consent audit' }).click();
    const audit = admin.getByRole('table', { name: 'Consent records' });
    await admin.getByLabel('Source').selectOption('SIGNUP_FORM');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => audit.getByRole('row').count(), { timeout: 10_000 }).toBe(2); // header + the signup record
    expect(await audit.getByRole('row').nth(1).textContent()).toContain('+1 415 555 0134');
    await audit.getByRole('button', { name: /^Details/ }).click();
    const details = admin.getByRole('dialog', { name: 'Consent record' });
    await details.getByText(shownDisclosure).waitFor();
    expect(await details.getByText(userAgent).count()).toBeGreaterThan(0);
    await screenshot(admin, 'consent-audit-signup-record');
  });

  it('S2/A6: the signup page shows every problem at once and moves focus to the first; fixing some moves it to the next', async () => {
    const { server, workspace, browser } = fixture;
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, workspace.adminKey);
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'All at once' });
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/console/invite/${study.inviteToken}`);
    await page.getByRole('heading', { name: 'Sign up for All at once' }).waitFor();
    const before = await storedCounts(server, workspace.id);

    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').getByText('Please correct the 5 fields marked below.').waitFor();
    for (const message of ['Please enter your name', 'Please enter your email address', 'Choose a time for your session', 'A mobile number is required to book this study', 'Please agree to receive SMS messages for this booking']) {
      expect(await page.getByText(message).isVisible()).toBe(true);
    }
    for (const label of ['Your name', 'Email', 'Mobile number']) expect(await page.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'I agree to receive text messages about this booking' }).getAttribute('aria-invalid')).toBe('true');
    // Focus is on the first field at fault.
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null')).toBe('name');
    await screenshot(page, 'invite-signup-all-errors');

    await page.getByLabel('Your name').fill('Kim Lee');
    await page.getByLabel('Email').fill('kim@example.com');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').getByText('Please correct the 3 fields marked below.').waitFor();
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null')).toBe('sessionId');
    expect(await storedCounts(server, workspace.id)).toEqual(before);
    await context.close();
  });

  it('A8: the signup page solves the ALTCHA proof of work in the browser; the server takes each solution once', async () => {
    const { server, workspace } = fixture;
    const study = await createStudyWithSession(server, workspace.adminKey, { name: 'Proof of work' });
    const context = await newContext(fixture.browser, { phone: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const opened = Date.now();
    await page.goto(`${server.url}/console/invite/${study.inviteToken}`);
    await page.getByRole('heading', { name: 'Sign up for Proof of work' }).waitFor();
    // The widget's hidden field holds the solved payload once the browser has done the work.
    const solvedField = page.locator('altcha-widget input[name="challenge"]');
    await expect.poll(async () => ((await solvedField.count()) ? await solvedField.inputValue() : ''), { timeout: 10_000 }).not.toBe('');
    const payload = await solvedField.inputValue();
    const solvedInMs = Date.now() - opened;
    await page.getByLabel('Your name').fill('Eli Park');
    await page.getByLabel('Email').fill('eli@example.com');
    await page.getByRole('radio').first().check();
    // Workspace SMS is on (the test above): a phone and consent are required.
    await page.getByLabel('Mobile number').fill('(415) 555-0177');
    await page.getByRole('checkbox', { name: 'I agree to receive text messages about this booking' }).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: "You're booked" }).waitFor();
    await context.close();

    // A replay of the same solution is refused and stores nothing (the fields are fine: S2 problems would be named first).
    const before = await storedCounts(server, workspace.id);
    const replay = await server.gql(SIGN_UP, {
      input: { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Replay', email: 'replay@example.com', phone: '(415) 555-0178', smsConsent: true, challenge: payload },
    });
    expect(replay.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'challenge']]);
    // Without any solution the API refuses too.
    const bare = await server.gql(SIGN_UP, { input: { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Bot', email: 'bot@example.com', phone: '(415) 555-0179', smsConsent: true } });
    expect(bare.errors?.map((e) => e.extensions?.field)).toEqual(['challenge']);
    expect(await storedCounts(server, workspace.id)).toEqual(before);
    // Page load plus solving, for the record (not a timing assertion).
    console.info(`[A8] signup page: challenge solved ${solvedInMs} ms after navigation`);
  });

  it('S3: a bad invite token shows a clear "not valid" page', async () => {
    const context = await newContext(fixture.browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/console/invite/not-a-real-token`);
    await page.getByRole('heading', { name: 'This invite link is not valid' }).waitFor();
    await context.close();
  });
});
