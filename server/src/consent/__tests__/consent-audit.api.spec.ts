import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { ConsentAuditService } from '../consent-audit.service.js';
import { ConsentRecord } from '../consent-record.entity.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';
import type { ConsentChange } from '../consent.service.js';
import { parseCsv } from './parse-csv.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 10, 0, 0));

const RECORDS = `query($filter: ConsentRecordFilter, $first: Int, $after: String) {
  consentRecords(filter: $filter, first: $first, after: $after) {
    nodes { id subjectType subjectId phone action source keyword createdAt }
    pageInfo { hasNextPage endCursor }
  }
}`;
const EXPORT = `query($filter: ConsentRecordFilter) { exportConsentRecords(filter: $filter) }`;

describe('consent audit read side (MariaDB)', () => {
  let server: TestServer;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const p1 = randomUUID();
  const e1 = randomUUID();
  const e2 = randomUUID();
  const disclosure = 'By entering your number, you agree to "texts".\nReply STOP to opt out';

  async function record(at: Date, change: ConsentChange) {
    await server.app.dataSource.transaction((manager) => server.app.services.consent.record(manager, [change], at));
  }
  // Each record as source:action, which tells the fixtures below apart.
  async function labels(filter: Record<string, unknown>, key = a.adminKey): Promise<string[]> {
    const data = await server.ok(RECORDS, { filter, first: 100 }, key);
    return data.consentRecords.nodes.map((n: { action: string; source: string }) => `${n.source}:${n.action}`);
  }

  beforeAll(async () => {
    server = await startTestServer();
    a = await createTestWorkspace(server, 'Workspace A');
    b = await createTestWorkspace(server, 'Workspace B');
    const participant = { subjectType: ConsentSubjectType.PARTICIPANT, subjectId: p1, phone: '+14155550101' };
    await record(day(1), {
      ...participant,
      workspaceId: a.id,
      action: ConsentAction.GRANTED,
      source: ConsentSource.SIGNUP_FORM,
      disclosureVersion: '2026-02',
      disclosureText: disclosure,
      ipAddress: '203.0.113.9',
      userAgent: '=HYPERLINK("http://evil.example")',
    });
    await record(day(2), {
      ...participant,
      workspaceId: a.id,
      action: ConsentAction.REVOKED,
      source: ConsentSource.MANAGE_BOOKING,
      actorLabel: 'participant',
    });
    await record(day(3), {
      workspaceId: a.id,
      subjectType: ConsentSubjectType.EMPLOYEE,
      subjectId: e1,
      phone: '+14155550102',
      action: ConsentAction.GRANTED,
      source: ConsentSource.ADMIN,
      actorLabel: 'api-key:ops, night shift',
      attestation: '-said yes on the phone',
    });
    const employee = { workspaceId: a.id, subjectType: ConsentSubjectType.EMPLOYEE };
    await record(day(4), {
      ...employee,
      subjectId: e2,
      phone: '+14155550103',
      action: ConsentAction.GRANTED,
      source: ConsentSource.BULK,
      attestation: '@paper form',
    });
    await record(day(5), {
      ...employee,
      subjectId: e1,
      phone: '+14155550102',
      action: ConsentAction.REVOKED,
      source: ConsentSource.KEYWORD,
      keyword: 'STOP',
    });
    // Workspace B knows the same phone number as A's participant.
    await record(day(3), {
      ...participant,
      workspaceId: b.id,
      subjectId: randomUUID(),
      action: ConsentAction.GRANTED,
      source: ConsentSource.SIGNUP_FORM,
    });
  });
  afterAll(() => server?.stop());

  it("K5: consentRecords lists the workspace's records newest first", async () => {
    const data = await server.ok(RECORDS, {}, a.memberKey);
    const nodes = data.consentRecords.nodes;
    expect(nodes.map((n: { source: string; action: string }) => `${n.source}:${n.action}`)).toEqual([
      'KEYWORD:REVOKED',
      'BULK:GRANTED',
      'ADMIN:GRANTED',
      'MANAGE_BOOKING:REVOKED',
      'SIGNUP_FORM:GRANTED',
    ]);
    expect(nodes.map((n: { id: string }) => Number(n.id))).toEqual([...nodes.map((n: { id: string }) => Number(n.id))].sort((x, y) => y - x));
    expect(nodes[0]).toMatchObject({ subjectType: 'EMPLOYEE', subjectId: e1, phone: '+14155550102', keyword: 'STOP', createdAt: day(5).toISOString() });
  });

  it('K5: filters by subject', async () => {
    expect(await labels({ subjectType: 'EMPLOYEE', subjectId: e1 })).toEqual(['KEYWORD:REVOKED', 'ADMIN:GRANTED']);
    expect(await labels({ subjectType: 'EMPLOYEE' })).toEqual(['KEYWORD:REVOKED', 'BULK:GRANTED', 'ADMIN:GRANTED']);
    expect(await labels({ subjectId: p1 })).toEqual(['MANAGE_BOOKING:REVOKED', 'SIGNUP_FORM:GRANTED']);
  });

  it('K5: filters by phone, normalised to E.164 first (A5)', async () => {
    expect(await labels({ phone: '(415) 555-0101' })).toEqual(['MANAGE_BOOKING:REVOKED', 'SIGNUP_FORM:GRANTED']);
    expect(await labels({ phone: '+1 415 555 0103' })).toEqual(['BULK:GRANTED']);
  });

  it('K5: filters by action and by source', async () => {
    expect(await labels({ action: 'REVOKED' })).toEqual(['KEYWORD:REVOKED', 'MANAGE_BOOKING:REVOKED']);
    expect(await labels({ source: 'BULK' })).toEqual(['BULK:GRANTED']);
    expect(await labels({ action: 'GRANTED', source: 'KEYWORD' })).toEqual([]);
  });

  it('K5: filters by time range (from inclusive, to exclusive)', async () => {
    expect(await labels({ from: day(2).toISOString(), to: day(4).toISOString() })).toEqual(['ADMIN:GRANTED', 'MANAGE_BOOKING:REVOKED']);
    expect(await labels({ from: day(4).toISOString() })).toEqual(['KEYWORD:REVOKED', 'BULK:GRANTED']);
    expect(await labels({ to: day(2).toISOString() })).toEqual(['SIGNUP_FORM:GRANTED']);
  });

  it('A5: a bad phone in the filter is a field error', async () => {
    const result = await server.gql(RECORDS, { filter: { phone: '555-not-a-number' } }, a.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('filter.phone');
    const exported = await server.gql(EXPORT, { filter: { phone: '12' } }, a.adminKey);
    expect(errorCodes(exported)).toEqual(['BAD_USER_INPUT']);
  });

  it('A6: unknown enum values and an inverted time range are rejected', async () => {
    expect(errorCodes(await server.gql(RECORDS, { filter: { source: 'FAX' } }, a.adminKey))).toEqual(['BAD_USER_INPUT']);
    const inverted = await server.gql(RECORDS, { filter: { from: day(4).toISOString(), to: day(2).toISOString() } }, a.adminKey);
    expect(errorCodes(inverted)).toEqual(['BAD_USER_INPUT']);
    expect(inverted.errors?.[0].extensions?.field).toBe('filter.to');
  });

  it('K5: cursor pagination walks every record once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data: Record<string, any> = await server.ok(RECORDS, { first: 2, after }, a.adminKey);
      seen.push(...data.consentRecords.nodes.map((n: { id: string }) => n.id));
      after = data.consentRecords.pageInfo.endCursor;
      if (!data.consentRecords.pageInfo.hasNextPage) break;
    }
    const all = (await server.ok(RECORDS, { first: 100 }, a.adminKey)).consentRecords.nodes.map((n: { id: string }) => n.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
    expect(errorCodes(await server.gql(RECORDS, { after: 'garbage' }, a.adminKey))).toEqual(['BAD_USER_INPUT']);
  });

  it('K5: an ADMIN exports every field as CSV, newest first, with commas, quotes and newlines intact', async () => {
    const data = await server.ok(EXPORT, {}, a.adminKey);
    const [header, ...rows] = parseCsv(data.exportConsentRecords);
    expect(header).toEqual([
      'id', 'createdAt', 'workspaceId', 'subjectType', 'subjectId', 'phone', 'action', 'source', 'studyId', 'sessionId', 'bookingId',
      'disclosureVersion', 'disclosureText', 'ipAddress', 'userAgent', 'actorApiKeyId', 'actorLabel', 'attestation', 'keyword',
    ]);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => `${r[col('source')]}:${r[col('action')]}`)).toEqual([
      'KEYWORD:REVOKED',
      'BULK:GRANTED',
      'ADMIN:GRANTED',
      'MANAGE_BOOKING:REVOKED',
      'SIGNUP_FORM:GRANTED',
    ]);
    const listed = (await server.ok(RECORDS, {}, a.adminKey)).consentRecords.nodes;
    expect(rows.map((r) => r[col('id')])).toEqual(listed.map((n: { id: string }) => n.id));
    const signup = rows[4];
    expect(signup[col('createdAt')]).toBe(day(1).toISOString());
    expect(signup[col('workspaceId')]).toBe(a.id);
    expect(signup[col('subjectId')]).toBe(p1);
    expect(signup[col('phone')]).toBe('+14155550101');
    expect(signup[col('disclosureVersion')]).toBe('2026-02');
    expect(signup[col('disclosureText')]).toBe(disclosure);
    expect(signup[col('ipAddress')]).toBe('203.0.113.9');
    expect(rows[2][col('actorLabel')]).toBe('api-key:ops, night shift');
    expect(rows[0][col('keyword')]).toBe('STOP');
    expect(rows[0][col('studyId')]).toBe('');
  });

  it('K5: cells a spreadsheet would run as formulas get a leading apostrophe', async () => {
    const [header, ...rows] = parseCsv((await server.ok(EXPORT, {}, a.adminKey)).exportConsentRecords);
    expect(rows[4][header.indexOf('userAgent')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[2][header.indexOf('attestation')]).toBe(`'-said yes on the phone`);
    expect(rows[1][header.indexOf('attestation')]).toBe(`'@paper form`);
  });

  it('K5: the export takes the same filters', async () => {
    const data = await server.ok(EXPORT, { filter: { source: 'BULK' } }, a.adminKey);
    const [header, ...rows] = parseCsv(data.exportConsentRecords);
    expect(rows).toHaveLength(1);
    expect(rows[0][header.indexOf('subjectId')]).toBe(e2);
  });

  it('K5: a MEMBER may read consent records but not export them', async () => {
    const result = await server.gql(EXPORT, {}, a.memberKey);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data?.exportConsentRecords ?? null).toBeNull();
    expect(errorCodes(await server.gql(EXPORT, {}, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(RECORDS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('K5: an export larger than the cap asks for a narrower filter', async () => {
    const capped = new ConsentAuditService(server.app.dataSource, 'US', 4);
    await expect(capped.exportCsv(a.id, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const narrowed = await capped.exportCsv(a.id, { subjectType: ConsentSubjectType.EMPLOYEE });
    expect(parseCsv(narrowed)).toHaveLength(4);
    expect(parseCsv(await new ConsentAuditService(server.app.dataSource, 'US', 5).exportCsv(a.id, {}))).toHaveLength(6);
  });

  it('K5: the repository refuses to update or delete a consent record', async () => {
    const repo = server.app.dataSource.getRepository(ConsentRecord);
    const before = await repo.find({ order: { id: 'ASC' } });
    const target = before.find((r) => r.workspaceId === a.id)!;
    await expect(repo.update({ id: target.id }, { action: ConsentAction.REVOKED })).rejects.toThrow(/append-only/);
    await expect(repo.save({ ...target, phone: '+14155559999' })).rejects.toThrow(/append-only/);
    await expect(repo.delete({ id: target.id })).rejects.toThrow(/append-only/);
    await expect(repo.remove(target)).rejects.toThrow(/append-only/);
    await expect(repo.createQueryBuilder().update().set({ source: ConsentSource.ADMIN }).execute()).rejects.toThrow(/append-only/);
    await expect(repo.createQueryBuilder().delete().execute()).rejects.toThrow(/append-only/);
    await expect(
      server.app.dataSource.transaction((manager) => manager.delete(ConsentRecord, { workspaceId: a.id })),
    ).rejects.toThrow(/append-only/);
    expect(await repo.find({ order: { id: 'ASC' } })).toEqual(before);
  });

  it('K5: the GraphQL schema has no mutation that deletes or edits consent records', async () => {
    const data = await server.ok(`{ __schema { mutationType { fields { name } } } }`, {}, a.adminKey);
    const names: string[] = data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.length).toBeGreaterThan(0);
    const destructive = names.filter((n) => /consent/i.test(n) && /(delete|remove|update|edit|purge|erase|clear|destroy)/i.test(n));
    expect(destructive).toEqual([]);
  });

  it("K6: workspace B's key sees none of workspace A's consent records", async () => {
    const data = await server.ok(RECORDS, { first: 100 }, b.adminKey);
    expect(data.consentRecords.nodes).toHaveLength(1);
    expect(data.consentRecords.nodes[0]).toMatchObject({ phone: '+14155550101', source: 'SIGNUP_FORM' });
    expect(await labels({ phone: '+14155550101' }, b.adminKey)).toEqual(['SIGNUP_FORM:GRANTED']);
    expect(await labels({ subjectId: p1 }, b.adminKey)).toEqual([]);
    expect(await labels({ subjectId: e1 }, b.memberKey)).toEqual([]);
    const csv = (await server.ok(EXPORT, {}, b.adminKey)).exportConsentRecords as string;
    expect(parseCsv(csv)).toHaveLength(2);
    expect(csv).not.toContain(a.id);
    expect(csv).not.toContain(p1);
  });
});
