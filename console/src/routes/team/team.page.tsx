import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const TeamPage: Component = () => (
  <Page title="Team">
    <p>Not built yet.</p>
  </Page>
);

export default TeamPage;
