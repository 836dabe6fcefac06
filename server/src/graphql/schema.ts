import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { emptyLiveBuses, LivePubSub, type LiveBuses } from './live-pubsub.js';
import { resolvers } from './resolvers.js';

// A plain property with no roles or middlewares is read by graphql-js's own
// default resolver; type-graphql would wrap each one in a resolver of its own,
// called for every field of every row.
function readPlainFieldsDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.roles && !field.middlewares?.length && field.schemaName === field.name) field.simple = true;
  }
}

/** `buses` are the app's live event buses; the SDL script needs none. */
export async function buildTockSchema(buses: LiveBuses = emptyLiveBuses()): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  return buildSchema({
    resolvers,
    pubSub: new LivePubSub(buses),
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printTockSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
