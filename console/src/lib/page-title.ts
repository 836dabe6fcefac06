import { createEffect } from 'solid-js';

/** Each route names its tab, so a row of console tabs can be told apart. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · Tock`;
  });
}
