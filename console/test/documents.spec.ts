import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../codegen.js';

// Issue 11: every console document is checked against schema.graphql, the
// contract the server emits (npm run codegen:check runs the same check on the
// real documents and fails when src/gql is out of date).
const consoleDir = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'tock-documents-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the console's codegen config on `documents`, in memory (nothing is written). */
function check(documents: string[]): Promise<unknown> {
  const { generates } = config;
  return generate({ ...config, cwd: consoleDir, documents, silent: true, errorsOnly: true, generates: { [join(scratch, 'gql/')]: generates['src/gql/'] } }, false);
}

describe('console GraphQL documents (issue 11)', () => {
  it("the console's own documents are valid against schema.graphql", async () => {
    await expect(check(['src/**/*.{ts,tsx}', '!src/gql/**'])).resolves.toBeDefined();
  }, 120_000);

  it('a document asking for a field the schema does not have is refused, by name', async () => {
    const wrong = join(scratch, 'wrong.ts');
    writeFileSync(wrong, "import { graphql } from './gql';\nexport const KEYS = graphql(`query WrongKeys { apiKeys { id revokedOn } }`);\n");
    await expect(check([wrong])).rejects.toThrow(/Cannot query field "revokedOn" on type "ApiKey"/);
  }, 120_000);
});
