import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, PLATFORM_TOKEN, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { ApiKey } from '../api-key.entity.js';
import { WorkspaceAuditEntry } from '../workspace-audit-entry.entity.js';

const AUDIT = `{ workspace { smsEnabled auditTrail(first: 10) { nodes { setting oldValue newValue actorLabel actorApiKeyId createdAt } } } }`;

describe('workspaces and API keys (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server);
    other = await createTestWorkspace(server, 'Other Co');
  });
  afterAll(() => server?.stop());

  it('W1: a new workspace has SMS off and a 30-minute shift-alert lead time', async () => {
    const data = await server.ok(`{ workspace { id smsEnabled shiftAlertLeadMinutes senderNumber } }`, {}, ws.adminKey);
    expect(data.workspace).toEqual({ id: ws.id, smsEnabled: false, shiftAlertLeadMinutes: 30, senderNumber: '+13306619491' });
  });

  it('W1: a MEMBER gets FORBIDDEN turning SMS on, and nothing changes or is audited', async () => {
    const result = await server.gql(`mutation { setWorkspaceSms(enabled: true) { smsEnabled } }`, {}, ws.memberKey);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    const data = await server.ok(AUDIT, {}, ws.adminKey);
    expect(data.workspace.smsEnabled).toBe(false);
    expect(data.workspace.auditTrail.nodes).toEqual([]);
  });

  it('W1: an ADMIN turns SMS on and off; each change is audited with who, when, old and new', async () => {
    const before = Date.now();
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { smsEnabled } }`, {}, ws.adminKey);
    await server.ok(`mutation { setWorkspaceSms(enabled: true) { smsEnabled } }`, {}, ws.adminKey); // no change, no entry
    await server.ok(`mutation { setWorkspaceSms(enabled: false) { smsEnabled } }`, {}, ws.adminKey);
    const data = await server.ok(AUDIT, {}, ws.adminKey);
    const adminKeyRow = await server.app.dataSource.getRepository(ApiKey).findOneByOrFail({ workspaceId: ws.id, name: 'Initial admin key' });
    expect(data.workspace.smsEnabled).toBe(false);
    const entries = data.workspace.auditTrail.nodes;
    expect(entries.map((e: { setting: string; oldValue: string; newValue: string }) => [e.setting, e.oldValue, e.newValue])).toEqual([
      ['smsEnabled', 'true', 'false'],
      ['smsEnabled', 'false', 'true'],
    ]);
    for (const entry of entries) {
      expect(entry.actorApiKeyId).toBe(adminKeyRow.id);
      expect(entry.actorLabel).toBe('api-key:Initial admin key');
      expect(new Date(entry.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it('W1: concurrent toggles leave an unbroken old -> new audit chain', async () => {
    const fresh = await createTestWorkspace(server, 'Race Co');
    await Promise.all(
      [true, false, true, false, true, false].map((enabled) =>
        server.ok(`mutation($e: Boolean!) { setWorkspaceSms(enabled: $e) { id } }`, { e: enabled }, fresh.adminKey),
      ),
    );
    const rows = await server.app.dataSource.getRepository(WorkspaceAuditEntry).find({ where: { workspaceId: fresh.id }, order: { id: 'ASC' } });
    let state = 'false';
    for (const row of rows) {
      expect(row.oldValue).toBe(state);
      expect(row.newValue).not.toBe(state);
      state = row.newValue!;
    }
    const data = await server.ok(`{ workspace { smsEnabled } }`, {}, fresh.adminKey);
    expect(String(data.workspace.smsEnabled)).toBe(state);
  });

  it('A5: settings take a sender number in any format and store E.164; a bad one is a field error that changes nothing', async () => {
    const updated = await server.ok(
      `mutation { updateWorkspaceSettings(input: { senderNumber: "(330) 661-9492", shiftAlertLeadMinutes: 45 }) { senderNumber shiftAlertLeadMinutes } }`,
      {},
      ws.adminKey,
    );
    expect(updated.updateWorkspaceSettings).toEqual({ senderNumber: '+13306619492', shiftAlertLeadMinutes: 45 });
    for (const bad of ['12', 'not a phone', '+1 555 0100 00000']) {
      const result = await server.gql(`mutation($n: String) { updateWorkspaceSettings(input: { senderNumber: $n, shiftAlertLeadMinutes: 60 }) { id } }`, { n: bad }, ws.adminKey);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.field).toBe('senderNumber');
    }
    const after = await server.ok(`{ workspace { senderNumber shiftAlertLeadMinutes } }`, {}, ws.adminKey);
    expect(after.workspace).toEqual({ senderNumber: '+13306619492', shiftAlertLeadMinutes: 45 });
  });

  it('A6: out-of-range settings are field errors naming the input, and nothing changes', async () => {
    const result = await server.gql(`mutation { updateWorkspaceSettings(input: { shiftAlertLeadMinutes: 1, name: "" }) { id } }`, {}, ws.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const fields = (result.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['name', 'shiftAlertLeadMinutes']);
    expect(result.errors![0].extensions).not.toHaveProperty('validationErrors');
    const after = await server.ok(`{ workspace { name shiftAlertLeadMinutes } }`, {}, ws.adminKey);
    expect(after.workspace).toEqual({ name: 'Acme Research', shiftAlertLeadMinutes: 45 });
  });

  it('A1: an API key is shown once and stored only as a SHA-256 hash', async () => {
    const created = await server.ok(`mutation { createApiKey(input: { name: "ci", role: MEMBER }) { secret apiKey { id prefix role revokedAt } } }`, {}, ws.adminKey);
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^tock_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`tock_${apiKey.prefix}_`)).toBe(true);
    const row = await server.app.dataSource.getRepository(ApiKey).findOneByOrFail({ id: apiKey.id });
    const secretPart = secret.slice(`tock_${apiKey.prefix}_`.length);
    expect(row.secretHash).toBe(createHash('sha256').update(secretPart).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secretPart);
    // The list never carries a secret, and the schema has no field for one.
    const listed = await server.gql(`{ apiKeys { id secret } }`, {}, ws.adminKey);
    expect(errorCodes(listed)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const me = await server.ok(`{ me { role apiKeyName workspace { id } } }`, {}, secret);
    expect(me.me).toEqual({ role: 'MEMBER', apiKeyName: 'ci', workspace: { id: ws.id } });
  });

  it('A1: a revoked key stops working at once; revoking twice is harmless', async () => {
    const created = await server.ok(`mutation { createApiKey(input: { name: "temp", role: ADMIN }) { secret apiKey { id } } }`, {}, ws.adminKey);
    const { secret, apiKey } = created.createApiKey;
    await server.ok(`{ workspace { id } }`, {}, secret);
    const revoked = await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: apiKey.id }, ws.adminKey);
    expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
    expect(errorCodes(await server.gql(`{ workspace { id } }`, {}, secret))).toEqual(['UNAUTHENTICATED']);
    const again = await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, ws.adminKey);
    expect(again.revokeApiKey.revokedAt).toBe(revoked.revokeApiKey.revokedAt);
  });

  it('A9: a key look-up that a revoke overtook is not remembered, so the revoke still holds', async () => {
    const created = await server.ok(`mutation { createApiKey(input: { name: "raced", role: MEMBER }) { secret apiKey { id } } }`, {}, ws.adminKey);
    const { secret, apiKey } = created.createApiKey;
    const { apiKeys, keyRevocations } = server.app.services;
    // The look-up reads the key as valid; a revoke is announced before it returns (as one relayed
    // from another process can be), and the row is revoked after the read.
    const raced = apiKeys.authenticate(`Bearer ${secret}`);
    keyRevocations.publish({ apiKeyId: apiKey.id, workspaceId: ws.id });
    expect((await raced).kind).toBe('apiKey');
    await server.app.dataSource.getRepository(ApiKey).update({ id: apiKey.id }, { revokedAt: new Date() });
    expect((await apiKeys.authenticate(`Bearer ${secret}`)).kind).toBe('anonymous');
  });

  it('A1: missing, malformed and forged keys are UNAUTHENTICATED', async () => {
    const forged = ws.adminKey.slice(0, -4) + 'AAAA';
    for (const token of [null, 'nonsense', 'tock_000000000000_' + 'A'.repeat(43), forged]) {
      expect(errorCodes(await server.gql(`{ workspace { id } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('A1: a MEMBER cannot create or revoke keys, and nothing changes', async () => {
    const before = await server.app.dataSource.getRepository(ApiKey).countBy({ workspaceId: ws.id });
    expect(errorCodes(await server.gql(`mutation { createApiKey(input: { name: "x", role: ADMIN }) { secret } }`, {}, ws.memberKey))).toEqual(['FORBIDDEN']);
    const adminKeyRow = await server.app.dataSource.getRepository(ApiKey).findOneByOrFail({ workspaceId: ws.id, name: 'Initial admin key' });
    expect(errorCodes(await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: adminKeyRow.id }, ws.memberKey))).toEqual(['FORBIDDEN']);
    expect(await server.app.dataSource.getRepository(ApiKey).countBy({ workspaceId: ws.id })).toBe(before);
    await server.ok(`{ workspace { id } }`, {}, ws.adminKey);
  });

  it('A1: only the platform token creates workspaces', async () => {
    const mutation = `mutation { createWorkspace(input: { name: "Sneaky" }) { workspace { id } } }`;
    expect(errorCodes(await server.gql(mutation, {}, ws.adminKey))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.gql(mutation, {}, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(mutation, {}, PLATFORM_TOKEN.replace(/.$/, 'x')))).toEqual(['UNAUTHENTICATED']);
    const [{ count }] = await server.app.dataSource.query(`SELECT COUNT(*) AS count FROM workspaces WHERE name = 'Sneaky'`);
    expect(Number(count)).toBe(0);
  });

  it("A2: another workspace's key id answers NOT_FOUND and the key keeps working", async () => {
    const otherAdmin = await server.app.dataSource.getRepository(ApiKey).findOneByOrFail({ workspaceId: other.id, name: 'Initial admin key' });
    const result = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: otherAdmin.id }, ws.adminKey);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    const data = await server.ok(`{ workspace { id name } }`, {}, other.adminKey);
    expect(data.workspace).toEqual({ id: other.id, name: 'Other Co' });
  });

  it("A2: a workspace's audit trail and keys are its own", async () => {
    const data = await server.ok(`{ workspace { auditTrail(first: 50) { nodes { actorApiKeyId } } } apiKeys { id } }`, {}, other.adminKey);
    expect(data.workspace.auditTrail.nodes).toEqual([]);
    const ownIds = (await server.app.dataSource.getRepository(ApiKey).findBy({ workspaceId: other.id })).map((k) => k.id).sort();
    expect(data.apiKeys.map((k: { id: string }) => k.id).sort()).toEqual(ownIds);
  });

  it('A6: an unknown enum value is a validation error and creates nothing', async () => {
    const before = await server.app.dataSource.getRepository(ApiKey).countBy({ workspaceId: ws.id });
    const inline = await server.gql(`mutation { createApiKey(input: { name: "x", role: SUPERUSER }) { secret } }`, {}, ws.adminKey);
    expect(errorCodes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variable = await server.gql(`mutation($r: Role!) { createApiKey(input: { name: "x", role: $r }) { secret } }`, { r: 'SUPERUSER' }, ws.adminKey);
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(await server.app.dataSource.getRepository(ApiKey).countBy({ workspaceId: ws.id })).toBe(before);
  });
});
