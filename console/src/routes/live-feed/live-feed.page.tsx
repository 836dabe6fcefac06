import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const LiveFeedPage: Component = () => (
  <Page title="Live feed">
    <p>Not built yet.</p>
  </Page>
);

export default LiveFeedPage;
