import { describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestDatabase } from '../../test/harness.js';
import { withChallenge } from '../../test/signup-challenge.js';

// The foundation's "done when": create a study, sign a participant up with
// consent, opt employees in one by one and in bulk, and read it all back through
// GraphQL, on MariaDB and on the embedded SQLite default alike.
describe.each<TestDatabase>(['mariadb', 'sqlite'])('a newcomer\'s first hour (%s)', (database) => {
  it('S1, S2, S3, E1, E2, E5, K5: study, signup with consent, opt-ins one by one and in bulk, read back', async () => {
    const server = await startTestServer({ database });
    try {
      const ws = await createTestWorkspace(server, 'First Hour', { smsEnabled: true });
      const key = ws.adminKey;

      const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Checkout interviews" }) { id smsRemindersEnabled inviteUrl } }`, {}, key);
      expect(createStudy.smsRemindersEnabled).toBe(true);
      const startsAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
      const { createSession } = await server.ok(
        `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
        { input: { studyId: createStudy.id, startsAt, durationMinutes: 30 } },
        key,
      );

      // The public signup page: what it shows, then the submit.
      const inviteToken = createStudy.inviteUrl.split('/').pop();
      const { invite } = await server.ok(`query($t: String!) { invite(token: $t) { smsRequired disclosure { version text } sessions { id } } }`, { t: inviteToken });
      expect(invite.smsRequired).toBe(true);
      expect(invite.sessions.map((s: { id: string }) => s.id)).toEqual([createSession.id]);
      const { signUp } = await server.ok(
        `mutation($input: SignUpInput!) { signUp(input: $input) { manageUrl booking { id status } } }`,
        {
          input: await withChallenge(server, {
            inviteToken,
            sessionId: createSession.id,
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            phone: '(415) 555-0100',
            smsConsent: true,
            disclosureVersion: invite.disclosure.version,
          }),
        },
      );
      expect(signUp.booking.status).toBe('BOOKED');

      // Employees: new ones are opted out (E1); one by one, then the rest in bulk.
      const ids: string[] = [];
      for (const [i, name] of ['Bea', 'Cal', 'Dee', 'Eve'].entries()) {
        const { upsertEmployee } = await server.ok(
          `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id smsOptIn } }`,
          { input: { name, phone: `+1415555020${i}` } },
          key,
        );
        expect(upsertEmployee.smsOptIn).toBe(false);
        ids.push(upsertEmployee.id);
      }
      await server.ok(
        `mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id sendSmsAlert } }`,
        { input: { employeeId: ids[1], weekStart: '2026-11-30', shifts: [] } },
        key,
      );
      await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { smsOptIn } }`, { id: ids[0] }, key);
      const { bulkSetEmployeeSmsOptIn } = await server.ok(
        `mutation { bulkSetEmployeeSmsOptIn(input: { filter: { hasPhone: true }, optIn: true, attestation: "Signed paper forms at onboarding, kept by HR" }) { matched changed unchanged skippedNoPhone weeksAlertEnabled } }`,
        {},
        key,
      );
      expect(bulkSetEmployeeSmsOptIn).toEqual({ matched: 4, changed: 3, unchanged: 1, skippedNoPhone: 0, weeksAlertEnabled: 1 });

      // Read it all back.
      const read = await server.ok(
        `{
          studies(first: 10) { nodes { name sessions { bookings { status participant { email phone smsConsent } } } } }
          employees(first: 10) { nodes { name smsOptIn scheduleWeeks { sendSmsAlert } } }
          consentRecords(first: 10) { nodes { subjectType action source phone disclosureText } }
        }`,
        {},
        key,
      );
      expect(read.studies.nodes[0].sessions[0].bookings[0]).toEqual({
        status: 'BOOKED',
        participant: { email: 'ada@example.com', phone: '+14155550100', smsConsent: true },
      });
      expect(read.employees.nodes.map((e: { name: string; smsOptIn: boolean }) => [e.name, e.smsOptIn])).toEqual([
        ['Bea', true],
        ['Cal', true],
        ['Dee', true],
        ['Eve', true],
      ]);
      expect(read.employees.nodes[1].scheduleWeeks).toEqual([{ sendSmsAlert: true }]);
      const records = read.consentRecords.nodes as { subjectType: string; source: string; disclosureText: string | null }[];
      expect(records.map((r) => `${r.subjectType}:${r.source}`).sort()).toEqual([
        'EMPLOYEE:ADMIN',
        'EMPLOYEE:BULK',
        'EMPLOYEE:BULK',
        'EMPLOYEE:BULK',
        'PARTICIPANT:SIGNUP_FORM',
      ]);
      expect(records.find((r) => r.source === 'SIGNUP_FORM')!.disclosureText).toBe(invite.disclosure.text);
    } finally {
      await server.stop();
    }
  });
});
