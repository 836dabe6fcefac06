import { A, useParams } from '@solidjs/router';
import type { Component } from 'solid-js';
import { Page } from '../../components/page';
import { MessageDetailView } from './message-detail';
import './messages.css';

/** C2: one message on its own page (linked from the Messages page, the feed and resends). */
const MessagePage: Component = () => {
  const params = useParams<{ id: string }>();
  return (
    <Page title={`Message ${params.id}`} actions={<A href="/messages">All messages</A>}>
      <MessageDetailView id={params.id} />
    </Page>
  );
};

export default MessagePage;
