import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const ParticipantsPage: Component = () => (
  <Page title="Participants">
    <p>Not built yet.</p>
  </Page>
);

export default ParticipantsPage;
