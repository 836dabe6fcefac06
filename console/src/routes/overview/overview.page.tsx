import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const OverviewPage: Component = () => (
  <Page title="Overview">
    <p>Not built yet.</p>
  </Page>
);

export default OverviewPage;
