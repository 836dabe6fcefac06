import { Show, type Component } from 'solid-js';
import type { KeysetList } from './keyset-list';
import { ErrorNotice } from './status';

/** The foot of a keyset list: the next page's button, its pending state, and its error with a retry. */
export const LoadMore: Component<{ list: KeysetList<unknown> }> = (props) => (
  <>
    <Show when={props.list.error()}>{(failure) => <ErrorNotice error={failure()} retry={() => void props.list.loadMore()} />}</Show>
    <Show when={props.list.hasMore() && !props.list.error()}>
      <div class="load-more">
        <button type="button" disabled={props.list.loading()} onClick={() => void props.list.loadMore()}>
          {props.list.loading() ? 'Loading…' : 'Load more'}
        </button>
      </div>
    </Show>
  </>
);
