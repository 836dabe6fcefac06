import type { CodegenConfig } from '@graphql-codegen/cli';

// Every GraphQL document in the console is written with `graphql(...)` from
// src/gql and checked here against the schema the server emits; the result
// and variable types come from it. `npm run codegen` writes src/gql (committed);
// `npm run codegen:check` (part of `npm test`) fails on a document the schema
// does not allow, or on src/gql out of date.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Strings on the wire, no graphql-js in the bundle: lib/graphql.ts posts them.
        documentMode: 'string',
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string', DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
