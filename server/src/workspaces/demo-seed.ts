import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../app.js';
import { Workspace } from './workspace.entity.js';

const DEMO_SENDER = '+13306619491';

/**
 * First run on a bare machine: create a demo workspace and keep its admin key in
 * the data folder (outside production only), so that `npm start` can always show
 * a newcomer a key that works.
 */
export async function ensureDemoWorkspace(app: App): Promise<string | null> {
  const { config, dataSource, services } = app;
  if (!config.demoSeed || config.env === 'production') return null;
  const keyFile = join(config.dataDir, 'demo-admin-key.txt');
  const anyWorkspace = await dataSource.getRepository(Workspace).exists();
  if (anyWorkspace) return existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
  const { adminKey } = await dataSource.transaction((manager) => services.workspaces.create(manager, 'Demo workspace', DEMO_SENDER));
  writeFileSync(keyFile, `${adminKey.secret}\n`);
  chmodSync(keyFile, 0o600);
  return adminKey.secret;
}
