import { createEffect, createSignal, on, type Accessor } from 'solid-js';

/** One page of a cursor-paginated list, as every Tock connection answers it. */
export interface Connection<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface KeysetList<T> {
  items: Accessor<T[]>;
  hasMore: Accessor<boolean>;
  loading: Accessor<boolean>;
  error: Accessor<unknown>;
  loadMore: () => Promise<void>;
}

/**
 * The first page comes from a router query (so it preloads and revalidates);
 * later pages are appended by cursor and dropped whenever the first page changes
 * (a new filter, or a revalidation after a change).
 */
export function createKeysetList<T>(firstPage: Accessor<Connection<T> | undefined>, nextPage: (after: string) => Promise<Connection<T>>): KeysetList<T> {
  const [more, setMore] = createSignal<Connection<T>[]>([]);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  createEffect(on(firstPage, () => setMore([]), { defer: true }));
  const last = (): Connection<T> | undefined => more().at(-1) ?? firstPage();
  return {
    items: () => [...(firstPage()?.nodes ?? []), ...more().flatMap((page) => page.nodes)],
    hasMore: () => Boolean(last()?.pageInfo.hasNextPage),
    loading,
    error,
    async loadMore() {
      const cursor = last()?.pageInfo.endCursor;
      if (!cursor) return;
      setLoading(true);
      setError(null);
      try {
        const page = await nextPage(cursor);
        setMore([...more(), page]);
      } catch (failure) {
        setError(failure);
      } finally {
        setLoading(false);
      }
    },
  };
}
