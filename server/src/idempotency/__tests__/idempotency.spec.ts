import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, PLATFORM_TOKEN, startTestServer, type TestServer } from '../../../test/harness.js';
import { Workspace } from '../../workspaces/workspace.entity.js';

const CREATE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id name } adminKey { secret } } }`;

describe('idempotency keys on creating mutations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const countNamed = (name: string) => server.app.dataSource.getRepository(Workspace).countBy({ name });

  it('a retry with the same key returns the first result and creates nothing more', async () => {
    const input = { name: 'Retry Co', idempotencyKey: 'retry-1' };
    const first = await server.ok(CREATE, { input }, PLATFORM_TOKEN);
    const second = await server.ok(CREATE, { input }, PLATFORM_TOKEN);
    expect(second.createWorkspace.workspace).toEqual(first.createWorkspace.workspace);
    expect(first.createWorkspace.adminKey.secret).toMatch(/^tock_/);
    // The secret is never shown twice.
    expect(second.createWorkspace.adminKey).toBeNull();
    expect(await countNamed('Retry Co')).toBe(1);
  });

  it('the same key with a different request is an error and changes nothing', async () => {
    await server.ok(CREATE, { input: { name: 'Key Co', idempotencyKey: 'reuse-1' } }, PLATFORM_TOKEN);
    const result = await server.gql(CREATE, { input: { name: 'Other Name', idempotencyKey: 'reuse-1' } }, PLATFORM_TOKEN);
    expect(errorCodes(result)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(result.errors![0].extensions!.field).toBe('idempotencyKey');
    expect(await countNamed('Other Name')).toBe(0);
    expect(await countNamed('Key Co')).toBe(1);
  });

  it('concurrent retries with one key create exactly one workspace', async () => {
    const input = { name: 'Burst Co', idempotencyKey: 'burst-1' };
    const results = await Promise.all(Array.from({ length: 6 }, () => server.ok(CREATE, { input }, PLATFORM_TOKEN)));
    expect(new Set(results.map((r) => r.createWorkspace.workspace.id)).size).toBe(1);
    expect(results.filter((r) => r.createWorkspace.adminKey).length).toBe(1);
    expect(await countNamed('Burst Co')).toBe(1);
  });

  it('without a key every call creates', async () => {
    await server.ok(CREATE, { input: { name: 'Twice Co' } }, PLATFORM_TOKEN);
    await server.ok(CREATE, { input: { name: 'Twice Co' } }, PLATFORM_TOKEN);
    expect(await countNamed('Twice Co')).toBe(2);
  });

  it('a failed create leaves its key free for a corrected retry', async () => {
    const bad = await server.gql(CREATE, { input: { name: 'Phone Co', senderNumber: 'nope', idempotencyKey: 'fix-1' } }, PLATFORM_TOKEN);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const good = await server.ok(CREATE, { input: { name: 'Phone Co', senderNumber: '+13306619491', idempotencyKey: 'fix-1' } }, PLATFORM_TOKEN);
    expect(good.createWorkspace.adminKey).not.toBeNull();
    expect(await countNamed('Phone Co')).toBe(1);
  });
});
