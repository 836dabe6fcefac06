// `emit` writes the SDL the code defines to schema.graphql; `check` fails when
// the committed file differs from it (the API contract drifted).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildTockSchema, printTockSchema } from '../src/graphql/schema.js';

const file = new URL('../../schema.graphql', import.meta.url);
const sdl = printTockSchema(await buildTockSchema());
if (process.argv[2] === 'emit') {
  writeFileSync(file, sdl);
  console.log('schema.graphql written');
} else {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== sdl) {
    console.error('schema.graphql differs from the schema the code defines. Run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code');
}
