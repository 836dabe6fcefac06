import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from '../../../test/harness.js';
import { expectNothingStoredOrSent, rawGraphql, startProductionServer } from '../../../test/security-probe.js';
import type { SendingServer } from '../../../test/sending.js';

const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const bearer = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

// Probes an attacker tries first, against a production server on MariaDB: each
// is refused with a typed JSON 4xx, and nothing is stored or sent.
describe('security: the GraphQL transport in production (A4, A6)', () => {
  let probe: SendingServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    probe = await startProductionServer();
    ws = await createTestWorkspace(probe.server, 'Transport Probe', { smsEnabled: true });
  });
  afterAll(() => probe?.stop());

  const refused = async (body: string, headers = bearer(ws.adminKey), method = 'POST') => {
    const answer = await expectNothingStoredOrSent(probe, () => rawGraphql(probe.server, body, headers, method));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.contentType).toMatch(/application\/json/);
    return { status: answer.status, errors: answer.json?.errors ?? [] };
  };

  it('A6: a misspelt enum value is a 400 with no "Did you mean" suggestion, and no key is made', async () => {
    const { status, errors } = await refused(json(`mutation { createApiKey(input: { name: "probe", role: ADMN }) { secret } }`));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(errors)).not.toMatch(/did you mean|ADMIN|MEMBER/i);
  });

  it('A6: a misspelt enum value in a variable is a 400 BAD_USER_INPUT with no suggestion', async () => {
    const { status, errors } = await refused(json(CREATE_KEY, { input: { name: 'probe', role: 'ADMN' } }));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors)).not.toMatch(/did you mean|"ADMIN"|MEMBER/i);
  });

  it('A6: a misspelt field gets no suggestion', async () => {
    const { errors } = await refused(json(`{ workspace { nam smsEnabld } }`));
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toMatch(/did you mean|"name"|smsEnabled/i);
  });

  it('A6: a wrongly typed variable is a 400 BAD_USER_INPUT, not a 500', async () => {
    const { status, errors } = await refused(json(`query($n: Int!) { studies(first: $n) { nodes { id } } }`, { n: 'ten' }));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('A4: an operation over the token limit is a 400 parse error', async () => {
    const fields = Array.from({ length: 6000 }, () => 'id').join(' ');
    const { status, errors } = await refused(json(`{ workspace { ${fields} } }`));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors[0].message).toMatch(/tokens/);
  });

  it('A4: a query over the cost limit is a 400 QUERY_TOO_COSTLY', async () => {
    const { status, errors } = await refused(json(`query($n: Int!) { studies(first: $n) { nodes { sessions { bookings { participant { bookings { id } } } } } } }`, { n: 100 }));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('A4: a query deeper than the limit is refused', async () => {
    let selection = 'name';
    for (let i = 0; i < 14; i++) selection = `ofType { ${selection} }`;
    const { errors } = await refused(json(`{ __type(name: "Workspace") { fields { type { ${selection} } } } }`));
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toMatch(/depth/i);
  });

  it('A4: more than 20 aliases are refused, mutations included', async () => {
    const aliases = Array.from({ length: 25 }, (_, i) => `k${i}: createApiKey(input: { name: "alias ${i}", role: MEMBER }) { secret }`).join(' ');
    const { errors } = await refused(json(`mutation { ${aliases} }`));
    expect(errors.map((e) => e.message).join(' ')).toMatch(/aliases/i);
  });

  it('A4: a batch of operations in one request is refused', async () => {
    const batch = JSON.stringify([1, 2].map((i) => ({ query: CREATE_KEY, variables: { input: { name: `batched ${i}`, role: 'ADMIN' } } })));
    const { status } = await refused(batch);
    expect(status).toBe(400);
  });

  it('A6: a body that is not JSON is a 400 with a typed JSON error, not an HTML page', async () => {
    const { status, errors } = await refused('{"query": "mutation { createApiKey(', bearer(ws.adminKey));
    expect(status).toBe(400);
    expect(errors[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('A6: a body over the size limit is a 413 with a typed JSON error', async () => {
    const { status, errors } = await refused(json(CREATE_KEY, { input: { name: 'x'.repeat(2 * 1024 * 1024), role: 'ADMIN' } }));
    expect(status).toBe(413);
    expect(errors[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('A4: a cross-site form post (CSRF) cannot run a mutation', async () => {
    const form = new URLSearchParams({ query: `mutation { setWorkspaceSms(enabled: false) { id } }` }).toString();
    const answer = await expectNothingStoredOrSent(probe, () =>
      rawGraphql(probe.server, form, { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${ws.adminKey}` }),
    );
    expect(answer.status).toBe(400);
    const get = await expectNothingStoredOrSent(probe, () =>
      rawGraphql(probe.server, '', { authorization: `Bearer ${ws.adminKey}` }, 'GET'),
    );
    expect(get.status).toBe(400);
    expect((await probe.server.ok(`{ workspace { smsEnabled } }`, {}, ws.adminKey)).workspace.smsEnabled).toBe(true);
  });
});
