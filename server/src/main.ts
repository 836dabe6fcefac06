import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startHealthServer, startHttpServer } from './http/server.js';
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
  const runsApi = config.role !== 'worker';
  const demo = runsApi ? await ensureDemoWorkspace(app) : null;
  const running = runsApi ? await startHttpServer(app) : await startHealthServer(app);
  if (config.role !== 'api') await app.startWorker();

  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'MySQL';
  const sender = app.providers.sms ? app.providers.sms.channel : 'none configured';
  console.log(`Tock is running (${config.env}, role ${config.role}, ${where}, SMS: ${sender})`);
  if (runsApi) {
    console.log(`  Console:  ${running.url}/console/`);
    console.log(`  GraphQL:  ${running.url}/graphql`);
  } else {
    console.log(`  Health:   ${running.url}/healthz`);
  }
  if (demo) {
    const demoKey = demo.adminKey;
    console.log(`  Demo workspace admin key: ${demoKey}`);
    if (demo.signupUrl) console.log(`  Demo signup page: ${demo.signupUrl}`);
    console.log(`  Try: curl -s ${running.url}/graphql -H 'content-type: application/json' \\`);
    console.log(`         -H 'authorization: Bearer ${demoKey}' -d '{"query":"{ me { role workspace { name smsEnabled } } }"}'`);
  }

  // L6, first signal: a graceful stop. /readyz answers 503 at once, no job is
  // taken or claimed any more, locks of jobs not started are handed back,
  // running sends finish; then HTTP, the job store and the database close. A
  // second signal, or SHUTDOWN_TIMEOUT_MS passing, exits at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    const timeoutMs = config.jobs.shutdownTimeoutMs;
    setTimeout(() => {
      console.error(`${signal}: still stopping after ${timeoutMs} ms; exiting now`);
      process.exit(1);
    }, timeoutMs).unref();
    console.log(`${signal}: shutting down`);
    // Leave a margin for closing after the drain.
    const report = await app.drain(Math.max(500, timeoutMs - 1500));
    console.log(`${signal}: jobs handed back ${report.handedBack}, finished ${report.finished}, still running ${report.stillRunning}`);
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
