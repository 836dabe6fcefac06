// The layer boundaries of ARCHITECTURE.md ("Wiring", "Layout"), checked in
// `npm test` (npm run lint:deps). A wrong import fails the build.
const DOMAINS = '(workspaces|studies|employees|consent|messaging|comms-log|send-policy|jobs|idempotency)';
// Test files may build an app, reach into a store or import a fixture anywhere.
const TESTS = '(/__tests__/|\\.spec\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'composition-root-imported-by-entry-points-only',
      comment: 'app/ builds everything; only main.ts and the CLI start it. No domain, transport or helper imports it.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: [`^server/src/(app/|main\\.ts$|cli/)`, TESTS] },
      to: { path: '^server/src/app/' },
    },
    {
      name: 'send-policy-is-pure',
      comment: 'decideSend imports no I/O library (no TypeORM, Agenda, Vonage, type-graphql) and no other domain: only itself and common/.',
      severity: 'error',
      from: { path: '^server/src/send-policy/', pathNot: TESTS },
      to: { pathNot: '^server/src/(send-policy|common)/' },
    },
    {
      name: 'cross-cutting-imports-no-domain',
      comment: 'observability/, abuse/, common/ and db/ sit below every domain.',
      severity: 'error',
      from: { path: '^server/src/(observability|abuse|common|db)/', pathNot: TESTS },
      to: { path: `^server/src/(${DOMAINS.slice(1, -1)}|graphql|http|app)/` },
    },
    {
      name: 'services-import-no-graphql',
      comment: 'Services, loaders and writers sit below the GraphQL transport (pagination and the actor live in db/ and common/).',
      severity: 'error',
      from: { path: '^server/src/.+\\.(service|loader|writer)\\.ts$', pathNot: TESTS },
      to: { path: '^server/src/graphql/' },
    },
    {
      name: 'messaging-reads-domains-through-the-send-facts-loader',
      comment:
        'Messaging keeps one declared cross-domain read (the send-facts loader); each domain owns its rules (a STOP in consent/, S4 reminders in studies/), handed in by app/.',
      severity: 'error',
      from: { path: '^server/src/messaging/', pathNot: ['^server/src/messaging/delivery/send-facts\\.loader\\.ts$', TESTS] },
      to: { path: '^server/src/(studies|employees|consent|workspaces)/' },
    },
    {
      name: 'resolvers-touch-no-database',
      comment: 'A resolver authorises and calls one service; the services own the data source and its transactions.',
      severity: 'error',
      from: { path: '\\.resolver\\.ts$', pathNot: TESTS },
      to: { path: '(^|/)node_modules/typeorm/' },
    },
    {
      name: 'domains-import-no-http',
      comment: 'HTTP routing is transport; domains do not know about it.',
      severity: 'error',
      from: { path: `^server/src/${DOMAINS}/`, pathNot: [TESTS, '^server/src/messaging/webhooks/'] },
      to: { path: '^server/src/http/' },
    },
    {
      name: 'console-is-separate',
      comment: 'The console talks to the server over GraphQL only (its browser tests and the benches may start a server).',
      severity: 'error',
      from: { path: '^console/src/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-imports-no-console',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^console/' },
    },
  ],
  options: {
    // Type-only imports count: a type circle is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
  },
};
