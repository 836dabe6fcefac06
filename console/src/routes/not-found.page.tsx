import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { usePageTitle } from '../lib/page-title';

export const NotFoundPage: Component = () => {
  usePageTitle(() => 'Not found');
  return (
    <section class="page">
      <h1>Not found</h1>
      <p>
        There is no console page here. <A href="/">Back to the overview</A>
      </p>
    </section>
  );
};
