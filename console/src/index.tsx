/* @refresh reload */
import { Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { routes } from './routes';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Tock console: #root element is missing');
render(() => <Router base="/console">{routes}</Router>, root);
