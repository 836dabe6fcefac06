import { ErrorBoundary, Suspense, type JSX, type ParentComponent } from 'solid-js';
import { ErrorNotice, Loading } from '../../components/status';
import { ApiError } from '../../lib/graphql';
import { usePageTitle } from '../../lib/page-title';
import './public.css';

/**
 * The frame of the pages participants open from a text or an invite: no
 * console navigation, just the study's name, readable on a phone first.
 */
export const PublicFrame: ParentComponent<{ heading: string; notFound: JSX.Element }> = (props) => {
  usePageTitle(() => props.heading);
  return (
    <div class="public">
      <header class="public-header">
        <p class="public-brand">{props.heading}</p>
      </header>
      <main id="main" class="public-main">
        <ErrorBoundary
          fallback={(error, retry) => (error instanceof ApiError && error.code === 'NOT_FOUND' ? props.notFound : <ErrorNotice error={error} retry={retry} />)}
        >
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
};
