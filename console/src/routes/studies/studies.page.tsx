import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const StudiesPage: Component = () => (
  <Page title="Studies">
    <p>Not built yet.</p>
  </Page>
);

export default StudiesPage;
