import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startHttpServer } from './http/server.js';
import { ensureDemoWorkspace } from './workspaces/demo-seed.js';

// Start order: config -> data source (migrations) -> schema -> HTTP + WS.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const app = await createApp(config);
  const demoKey = await ensureDemoWorkspace(app);
  const running = await startHttpServer(app);

  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'MySQL';
  console.log(`Tock is running (${config.env}, ${where})`);
  console.log(`  GraphQL:  ${running.url}/graphql`);
  if (demoKey) {
    console.log(`  Demo workspace admin key: ${demoKey}`);
    console.log(`  Try: curl -s ${running.url}/graphql -H 'content-type: application/json' \\`);
    console.log(`         -H 'authorization: Bearer ${demoKey}' -d '{"query":"{ me { role workspace { name smsEnabled } } }"}'`);
  }

  // First signal: drain and stop cleanly. A second one while draining: stop now.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: shutting down`);
    await running.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('Tock failed to start:', error);
  process.exit(1);
});
