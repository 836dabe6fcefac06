import { expect } from 'vitest';
import type { TestServer } from '../../../test/harness.js';
import { ConsentRecord } from '../../consent/consent-record.entity.js';
import { Booking } from '../booking.entity.js';
import { Participant } from '../participant.entity.js';
import { StudySession } from '../study-session.entity.js';

export const inFuture = (days: number, minutes = 0) => new Date(Date.now() + days * 86_400_000 + minutes * 60_000);

export const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { manageUrl booking { id status sessionId participantId } }
}`;

export interface StudyFixture {
  id: string;
  inviteToken: string;
  sessionId: string;
}

/** A study (through the API) with one session tomorrow. */
export async function createStudyWithSession(server: TestServer, key: string, input: Record<string, unknown> = {}): Promise<StudyFixture> {
  const data = await server.ok(
    `mutation($input: CreateStudyInput!) { createStudy(input: $input) { id inviteUrl } }`,
    { input: { name: 'Checkout interviews', ...input } },
    key,
  );
  const sessionId = await createSession(server, key, data.createStudy.id, inFuture(1));
  return { id: data.createStudy.id, inviteToken: data.createStudy.inviteUrl.split('/').at(-1), sessionId };
}

export async function createSession(server: TestServer, key: string, studyId: string, startsAt: Date, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId, startsAt: startsAt.toISOString(), durationMinutes: 30, ...extra } },
    key,
  );
  return data.createSession.id;
}

/** Row counts of everything a signup or a consent change may write, for "nothing stored" checks. */
export async function storedCounts(server: TestServer, workspaceId: string) {
  const ds = server.app.dataSource;
  return {
    participants: await ds.getRepository(Participant).countBy({ workspaceId }),
    bookings: await ds.getRepository(Booking).countBy({ workspaceId }),
    consentRecords: await ds.getRepository(ConsentRecord).countBy({ workspaceId }),
    sessions: await ds.getRepository(StudySession).countBy({ workspaceId }),
  };
}

export async function consentRecordsOf(server: TestServer, subjectId: string): Promise<ConsentRecord[]> {
  return server.app.dataSource.getRepository(ConsentRecord).find({ where: { subjectId }, order: { id: 'ASC' } });
}

export async function participantByEmail(server: TestServer, workspaceId: string, email: string): Promise<Participant | null> {
  return server.app.dataSource.getRepository(Participant).findOneBy({ workspaceId, email });
}

/** The single error of a response, with its code and field. */
export function expectFieldError(result: { errors?: { extensions?: { code?: string; field?: string } }[] }, code: string, field?: string) {
  expect(result.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }))).toEqual([{ code, field }]);
}
