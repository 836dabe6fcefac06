import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const ParticipantPage: Component = () => (
  <Page title="Participant">
    <p>Not built yet.</p>
  </Page>
);

export default ParticipantPage;
