import { Show, type Component } from 'solid-js';
import { humanize } from '../lib/format';

export const Loading: Component<{ label?: string }> = (props) => (
  <p class="loading" role="status" aria-live="polite">
    {props.label ?? 'Loading…'}
  </p>
);

export const ErrorNotice: Component<{ error: unknown; retry?: () => void }> = (props) => (
  <div class="error-notice" role="alert">
    <p>{props.error instanceof Error ? props.error.message : 'Something went wrong.'}</p>
    <Show when={props.retry}>
      <button type="button" onClick={() => props.retry?.()}>
        Try again
      </button>
    </Show>
  </div>
);

/** A message status (QUEUED, SENT, DELIVERED, FAILED, SKIPPED…) as a coloured badge. */
export const StatusBadge: Component<{ status: string }> = (props) => (
  <span class={`badge badge-${props.status.toLowerCase()}`}>{humanize(props.status)}</span>
);
