import { defineConfig } from 'vitest/config';

// CI asks for a JSON report through VITEST_JSON_REPORT (see .ci/run).
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  // Resolve `graphql` as Node does (graphql 16 has no exports map, so Node picks
  // the CommonJS build); Vite would pick index.mjs and give the tests a second
  // copy of graphql that production never loads.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['server/**/*.spec.ts', 'console/e2e/**/*.spec.ts', 'console/test/**/*.spec.ts'],
    globalSetup: ['server/test/global-setup.ts', 'console/e2e/build-console.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites each get their own database; two cores, two workers.
    maxWorkers: 2,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
