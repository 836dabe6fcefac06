import type { Component } from 'solid-js';

/** A participant's current SMS consent as a badge. */
export const ConsentBadge: Component<{ granted: boolean }> = (props) => (
  <span class={`badge badge-${props.granted ? 'granted' : 'revoked'}`}>{props.granted ? 'SMS consent' : 'No SMS consent'}</span>
);
