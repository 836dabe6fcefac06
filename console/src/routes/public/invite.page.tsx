import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const InvitePage: Component = () => (
  <Page title="Sign up">
    <p>Not built yet.</p>
  </Page>
);

export default InvitePage;
