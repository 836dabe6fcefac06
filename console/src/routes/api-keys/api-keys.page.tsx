import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const ApiKeysPage: Component = () => (
  <Page title="API keys">
    <p>Not built yet.</p>
  </Page>
);

export default ApiKeysPage;
