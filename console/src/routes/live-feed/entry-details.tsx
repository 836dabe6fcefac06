import { A } from '@solidjs/router';
import { ErrorBoundary, Suspense, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { ErrorNotice, Loading } from '../../components/status';
import { MessageDetailView } from '../messages/message-detail';
import '../messages/messages.css';

/** One log entry in a dialog over the feed or the history, loaded fresh when the row is opened. */
export const EntryDetails: Component<{ id: string; onClose: () => void }> = (props) => (
  <Dialog open title="Message details" onClose={props.onClose}>
    <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />}>
      <Suspense fallback={<Loading />}>
        <MessageDetailView id={props.id} headingLevel={3} />
      </Suspense>
    </ErrorBoundary>
    <div class="actions">
      <A href={`/messages/${props.id}`}>Open as a page</A>
      <button type="button" onClick={() => props.onClose()}>
        Close
      </button>
    </div>
  </Dialog>
);
