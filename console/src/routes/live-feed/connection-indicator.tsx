import type { Component } from 'solid-js';
import type { Connection } from './live-feed.store';

const LABEL: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Not connected',
};

/** The feed's connection state, announced politely to screen readers when it changes. */
export const ConnectionIndicator: Component<{ state: Connection }> = (props) => (
  <p class={`connection connection-${props.state}`} role="status" aria-live="polite">
    <span class="connection-dot" aria-hidden="true" />
    {LABEL[props.state]}
  </p>
);
