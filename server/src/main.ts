import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { createApp, ensureDemoWorkspace, startHealthServer, startHttpServer } from './app/index.js';
import { describeStores, StoreUnreachableError } from './common/store-startup.js';
import { ConfigError, loadConfig } from './config/config.js';
import { configureLogging, log } from './observability/logger.js';

// Start order: config -> data source (migrations) -> schema -> HTTP + WS.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal({ problems: error.problems }, error.message);
      process.exit(2);
    }
    throw error;
  }
  configureLogging(config.logging);
  mkdirSync(config.dataDir, { recursive: true });
  const app = await createApp(config);
  const runsApi = config.role !== 'worker';
  const demo = runsApi ? await ensureDemoWorkspace(app) : null;
  const running = runsApi ? await startHttpServer(app) : await startHealthServer(app);
  if (config.role !== 'api') await app.startWorker();

  const stores = describeStores(config);
  const sender = app.providers.sms ? app.providers.sms.channel : 'none configured';
  // O3: the banner names the role and every store, so a wrong setting shows at a glance.
  const banner = { env: config.env, role: config.role, ...stores, sms: sender, url: running.url };
  log.info(banner, `Tock is running (${config.env}, role ${config.role}, ${stores.database}, jobs in ${stores.jobStore}, events ${stores.eventRelay}, SMS: ${sender})`);
  if (runsApi) {
    log.info(`  Console:  ${running.url}/console/`);
    log.info(`  GraphQL:  ${running.url}/graphql`);
  } else {
    log.info(`  Health:   ${running.url}/healthz`);
  }
  if (demo) {
    const demoKey = demo.adminKey;
    // Development only (never in production): the point of the demo is a key to try.
    log.info(`  Demo workspace admin key: ${demoKey}`);
    if (demo.signupUrl) log.info(`  Demo signup page: ${demo.signupUrl}`);
    log.info(`  Try: curl -s ${running.url}/graphql -H 'content-type: application/json' \\`);
    log.info(`         -H 'authorization: Bearer ${demoKey}' -d '{"query":"{ me { role workspace { name smsEnabled } } }"}'`);
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
      log.error({ signal }, `${signal}: still stopping after ${timeoutMs} ms; exiting now`);
      process.exit(1);
    }, timeoutMs).unref();
    log.info({ signal }, `${signal}: shutting down`);
    // Leave a margin for closing after the drain.
    const report = await app.drain(Math.max(500, timeoutMs - 1500));
    log.info({ signal, ...report }, `${signal}: jobs handed back ${report.handedBack}, finished ${report.finished}, still running ${report.stillRunning}`);
    await running.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  // O3: an unreachable store is one line naming it and where (no credentials).
  if (error instanceof StoreUnreachableError) log.fatal({ store: error.store, target: error.target, afterMs: error.afterMs }, `Tock failed to start: ${error.message}`);
  else log.fatal({ err: error }, 'Tock failed to start');
  process.exit(1);
});
