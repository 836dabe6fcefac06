import { Show, type Component } from 'solid-js';

/** Keyset pages: one button that asks for the next page, with its own pending state. */
export const LoadMore: Component<{ hasMore: boolean; loading: boolean; onLoad: () => void }> = (props) => (
  <Show when={props.hasMore}>
    <div class="load-more">
      <button type="button" disabled={props.loading} onClick={() => props.onLoad()}>
        {props.loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  </Show>
);
