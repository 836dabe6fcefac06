import 'reflect-metadata';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError, buildSchema, getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import './enums.js';
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

// type-graphql's own validation, as it runs with `validate: { forbidUnknownValues: false }`,
// but with class-validator imported once: type-graphql imports it dynamically for
// every argument object (a page's PageArgs), which goes through the module loader each time.
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };
const isValidated = (value: unknown): value is object => value !== null && typeof value === 'object';

const validateArgument: ValidatorFn = async (value) => {
  if (!isValidated(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(isValidated).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
};

/** `buses` are the app's live event buses; the SDL script needs none. */
export async function buildTockSchema(buses: LiveBuses = emptyLiveBuses()): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  return buildSchema({
    resolvers,
    pubSub: new LivePubSub(buses),
    authChecker,
    authMode: 'error',
    validateFn: validateArgument,
  });
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printTockSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
