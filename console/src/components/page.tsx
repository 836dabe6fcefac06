import { ErrorBoundary, Suspense, type JSX, type ParentComponent } from 'solid-js';
import { usePageTitle } from '../lib/page-title';
import { ErrorNotice, Loading } from './status';

/** Every console page: a title (also the tab's), then its content with one loading and one error state. */
export const Page: ParentComponent<{ title: string; actions?: JSX.Element }> = (props) => {
  usePageTitle(() => props.title);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-header">
        <h1 id="page-title">{props.title}</h1>
        {props.actions}
      </header>
      <ErrorBoundary fallback={(error, retry) => <ErrorNotice error={error} retry={retry} />}>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </ErrorBoundary>
    </section>
  );
};
