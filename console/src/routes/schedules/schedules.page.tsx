import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const SchedulesPage: Component = () => (
  <Page title="Schedules">
    <p>Not built yet.</p>
  </Page>
);

export default SchedulesPage;
