// The composition root: the only folder that imports every domain; no domain imports it.
export { createApp, type App } from './create-app.js';
export { ensureDemoWorkspace, type DemoSeed } from './demo-seed.js';
export { httpDeps, startHealthServer, startHttpServer } from './http.js';
export type { Services } from './services.js';
