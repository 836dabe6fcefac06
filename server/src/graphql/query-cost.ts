import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, GraphQLError, isLeafType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator, getComplexity as GetComplexity } from 'graphql-query-complexity';

// Its ESM build imports graphql/index.mjs, a second copy of graphql next to the
// CommonJS one that `import 'graphql'` resolves to for type-graphql and Apollo;
// schemas cannot cross copies, so load its CommonJS build.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as { getComplexity: typeof GetComplexity };

/** A4: an operation may have at most this many tokens (over HTTP and WebSocket). */
export const MAX_TOKENS = 5000;

// A list without a page size (e.g. Study.sessions) is assumed to hold this many.
const ASSUMED_LIST_SIZE = 10;

// Cost estimates the rows a query touches: a scalar is free (its row is loaded
// already), an object is one row, a connection's children count `first` times
// (its edges and nodes lists are that page, not another multiplier), and a
// plain list counts ASSUMED_LIST_SIZE times.
const rowEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return childComplexity;
  if (typeof args.first === 'number') return 1 + childComplexity * args.first;
  if (isListType(getNullableType(field.type))) return 1 + childComplexity * ASSUMED_LIST_SIZE;
  return 1 + childComplexity;
};

function queryCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [rowEstimator] });
}

// Apollo keeps one parsed and validated document per distinct query string, so
// the cost of each (document, operation, variables) is computed once: a page the
// console asks for again and again is costed the first time only.
const MAX_COSTED_INPUTS_PER_DOCUMENT = 100;
const MAX_COSTED_INPUT_LENGTH = 2048;
const costed = new WeakMap<DocumentNode, Map<string, number>>();

export function cachedQueryCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  const input = `${operationName ?? ''} ${variables && Object.keys(variables).length ? JSON.stringify(variables) : ''}`;
  if (input.length > MAX_COSTED_INPUT_LENGTH) return queryCost(schema, document, variables, operationName);
  let costs = costed.get(document);
  const known = costs?.get(input);
  if (known !== undefined) return known;
  const cost = queryCost(schema, document, variables, operationName);
  if (!costs) costed.set(document, (costs = new Map()));
  if (costs.size >= MAX_COSTED_INPUTS_PER_DOCUMENT) costs.clear();
  costs.set(input, cost);
  return cost;
}

export function costLimitError(maxCost: number, cost: number, transport: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Query cost ${cost} is over the limit of ${maxCost}; ask for smaller pages or fewer fields`, {
    extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, ...transport },
  });
}

// A4: computed once the operation and its variables are known, before any
// resolver runs (a validation rule would not see variable page sizes).
export function costLimitPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = cachedQueryCost(schema, document, request.variables, request.operationName ?? undefined);
          } catch (error) {
            // Costing coerces the variables first; a bad one is the client's error.
            if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw error;
          }
          // A plugin's error is a 500 unless it says otherwise; these are the client's.
          if (cost > maxCost) throw costLimitError(maxCost, cost, { http: { status: 400 } });
        },
      };
    },
  };
}
