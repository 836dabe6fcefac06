/* @refresh reload */
import { render } from 'solid-js/web';
import { Route, Router } from '@solidjs/router';
import type { Component } from 'solid-js';

const Home: Component = () => (
  <main>
    <h1>Tock console</h1>
    <p>The console arrives in a later release.</p>
  </main>
);

const NotFound: Component = () => (
  <main>
    <h1>Not found</h1>
    <p>
      <a href="/console/">Back to the Tock console</a>
    </p>
  </main>
);

export const App: Component = () => (
  <Router base="/console">
    <Route path="/" component={Home} />
    <Route path="*404" component={NotFound} />
  </Router>
);

const root = document.getElementById('root');
if (!root) throw new Error('Tock console: #root element is missing');
render(() => <App />, root);
