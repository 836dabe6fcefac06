import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const StudyPage: Component = () => (
  <Page title="Study">
    <p>Not built yet.</p>
  </Page>
);

export default StudyPage;
