import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CommsEvents } from '../comms-log/comms-events.js';
import { CommsPubSub } from '../comms-log/comms-pubsub.js';
import { authChecker } from './auth-checker.js';
import { resolvers } from './resolvers.js';

/** `events` is the app's comms-log bus; the SDL script needs none. */
export async function buildTockSchema(events: CommsEvents = new CommsEvents()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub: new CommsPubSub(events),
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printTockSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
