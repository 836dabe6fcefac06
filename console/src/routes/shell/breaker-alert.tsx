import { A, revalidate, useLocation } from '@solidjs/router';
import { Show, createEffect, createResource, onCleanup, type Component } from 'solid-js';
import { formatDateTime } from '../../lib/format';
import { graphql } from '../../gql';
import { gql } from '../../lib/graphql';
import { subscribe } from '../../lib/live';
import { apiKey } from '../../lib/session';

const BREAKER_QUERY = graphql(`
  query ConsoleBreakerState {
    workspace { id pumpingBreaker { tripped trippedAt } }
  }
`);

const ALERTS = graphql(`
  subscription ConsoleWorkspaceAlerts {
    workspaceAlerts { kind at }
  }
`);

/** A8: on every page until an admin acts, the pumping breaker's alert; it appears and clears live. */
export const BreakerAlert: Component = () => {
  const location = useLocation();
  const onWorkspacePage = () => /\/workspace\/?$/.test(location.pathname);
  const [state, { mutate, refetch }] = createResource(apiKey, async () => (await gql(BREAKER_QUERY, {})).workspace.pumpingBreaker);
  createEffect(() => {
    const key = apiKey();
    if (!key) return;
    const stop = subscribe(key, ALERTS, {}, {
      next: ({ workspaceAlerts: alert }) => {
        mutate({ tripped: alert.kind === 'PUMPING_BREAKER_TRIPPED', trippedAt: alert.kind === 'PUMPING_BREAKER_TRIPPED' ? alert.at : null });
        // The page on screen (the Workspace page's breaker panel, the feed's counts) shows it too.
        void revalidate();
      },
      // Missed while the socket was away: ask again.
      connected: (wasRetry) => wasRetry && void refetch(),
      // The console still works without the live alert; the Workspace page shows the state.
      error: () => {},
    });
    onCleanup(stop);
  });
  return (
    // The Workspace page has the full panel, with the reset button.
    <Show when={!state.error && state()?.tripped && !onWorkspacePage()}>
      <div class="error-notice breaker-alert" role="alert">
        <p>
          <strong>Possible SMS pumping.</strong> Since {formatDateTime(state()!.trippedAt)}, public signups from numbers new to this workspace are held, not texted.{' '}
          <A href="/workspace">Review and reset the breaker</A>
        </p>
      </div>
    </Show>
  );
};
