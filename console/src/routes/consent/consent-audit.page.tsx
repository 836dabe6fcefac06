import type { Component } from 'solid-js';
import { Page } from '../../components/page';

const ConsentAuditPage: Component = () => (
  <Page title="Consent audit">
    <p>Not built yet.</p>
  </Page>
);

export default ConsentAuditPage;
