import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const ManageBookingPage: Component = () => (
  <Page title="Your booking">
    <p>Not built yet.</p>
  </Page>
);

export default ManageBookingPage;
