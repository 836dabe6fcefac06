// The composition root: the only folder that imports every domain; no domain imports it.
export { createApp } from './create-app.js';
export { ensureDemoWorkspace } from './demo-seed.js';
export { startHealthServer, startHttpServer } from './http.js';
