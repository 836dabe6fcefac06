import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';

const INTROSPECTION = `{ __schema { queryType { name } } }`;

function nested(depth: number): string {
  // __type -> ofType chains nest as deep as we like without needing data.
  let selection = 'name';
  for (let i = 0; i < depth; i++) selection = `ofType { ${selection} }`;
  return `{ __type(name: "Workspace") { fields { type { ${selection} } } } }`;
}

describe('GraphQL transport safety (A4)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server);
  });
  afterAll(() => server?.stop());

  it('A4: a query deeper than the limit is refused before it runs', async () => {
    const shallow = await server.gql(nested(3), {}, ws.adminKey);
    expect(shallow.errors).toBeUndefined();
    const deep = await server.gql(nested(14), {}, ws.adminKey);
    expect(errorCodes(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(deep.errors![0].message).toMatch(/depth/i);
    expect(deep.data).toBeUndefined();
  });

  it('A4: a query over the cost limit is refused before it runs; the same shape with smaller pages runs', async () => {
    // Nested lists multiply: 100 studies x 10 sessions x 10 bookings x 10 more is about 21,000 rows.
    const query = `query($n: Int!) { studies(first: $n) { nodes { sessions { bookings { participant { bookings { id } } } } } } }`;
    const costly = await server.gql(query, { n: 100 }, ws.adminKey);
    expect(errorCodes(costly)).toEqual(['QUERY_TOO_COSTLY']);
    expect(costly.errors![0].extensions).toMatchObject({ maxCost: 20000, cost: 21101 });
    expect(costly.data).toBeUndefined();
    const smaller = await server.gql(query, { n: 50 }, ws.adminKey);
    expect(smaller.errors).toBeUndefined();
  });

  it('A4: a full page of 100 rows with nested relations is within the cost limit', async () => {
    const page = await server.gql(`{ participants(first: 100) { edges { cursor node { name bookings { session { study { name } } } } } pageInfo { hasNextPage } } }`, {}, ws.adminKey);
    expect(page.errors).toBeUndefined();
  });

  it('A4: more than 20 aliases in one operation are refused', async () => {
    const aliases = Array.from({ length: 25 }, (_, i) => `w${i}: workspace { id }`).join(' ');
    const result = await server.gql(`{ ${aliases} }`, {}, ws.adminKey);
    expect(result.errors!.map((e) => e.message).join(' ')).toMatch(/aliases/i);
  });

  it('A4: page sizes are capped at 100', async () => {
    const result = await server.gql(`{ workspace { auditTrail(first: 101) { nodes { id } } } }`, {}, ws.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.field).toBe('first');
  });

  it('A6: a cursor Tock did not issue is a field error, not a crash', async () => {
    const result = await server.gql(`{ workspace { auditTrail(first: 5, after: "bm90LWEtY3Vyc29y") { nodes { id } } } }`, {}, ws.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.field).toBe('after');
  });

  it('A4: CSRF prevention refuses a simple cross-site request and changes nothing', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${ws.adminKey}` },
      body: JSON.stringify({ query: 'mutation { setWorkspaceSms(enabled: true) { id } }' }),
    });
    expect(response.status).toBe(400);
    const data = await server.ok(`{ workspace { smsEnabled } }`, {}, ws.adminKey);
    expect(data.workspace.smsEnabled).toBe(false);
  });

  it('A4: introspection is on outside production', async () => {
    const result = await server.gql(INTROSPECTION);
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('/healthz and /readyz answer', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    // O3: each dependency in use is named with its check.
    expect(await ready.json()).toMatchObject({ status: 'ready', failed: [], checks: { database: { ok: true }, jobStore: { ok: true } } });
  });
});

describe('GraphQL in production (A4)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
    ws = await createTestWorkspace(server);
  });
  afterAll(() => server?.stop());

  it('A4: introspection is off in production unless asked for', async () => {
    const result = await server.gql(INTROSPECTION);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.data).toBeUndefined();
  });

  it('A4: internal errors are masked in production: no SQL, no stack', async () => {
    await server.app.dataSource.query('DROP TABLE workspace_audit_entries');
    const result = await server.gql(`{ workspace { auditTrail(first: 5) { nodes { id } } } }`, {}, ws.adminKey);
    expect(result.errors).toEqual([{ message: 'Internal server error', path: ['workspace', 'auditTrail'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toMatch(/SELECT|workspace_audit_entries|at .*\.ts/);
  });

  it('A4: typed errors still reach the client in production', async () => {
    const result = await server.gql(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, ws.memberKey);
    expect(result.errors![0]).toMatchObject({ message: 'Only a workspace ADMIN may do this', extensions: { code: 'FORBIDDEN' } });
    expect(result.errors![0].extensions).not.toHaveProperty('stacktrace');
  });
});
