import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { emptyLiveBuses, LivePubSub, type LiveBuses } from './live-pubsub.js';
import { resolvers } from './resolvers.js';

/** `buses` are the app's live event buses; the SDL script needs none. */
export async function buildTockSchema(buses: LiveBuses = emptyLiveBuses()): Promise<GraphQLSchema> {
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
