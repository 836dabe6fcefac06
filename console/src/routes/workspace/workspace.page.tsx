import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const WorkspacePage: Component = () => (
  <Page title="Workspace">
    <p>Not built yet.</p>
  </Page>
);

export default WorkspacePage;
