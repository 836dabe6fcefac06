import type { ApolloServerPlugin } from '@apollo/server';
import type { TockMetrics } from './metrics.js';

// O2: GraphQL time by operation; unnamed operations are counted together so a
// client cannot grow the label set at will.
export function graphqlMetricsPlugin<T extends object>(metrics: TockMetrics): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName }) {
          const name = operation && operationName && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName) ? operationName : 'anonymous';
          metrics.recordOperation(name, operation?.operation ?? 'invalid', (performance.now() - started) / 1000);
        },
      };
    },
  };
}
