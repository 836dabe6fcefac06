import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { describeStores, reachStore, STORE_CONNECT_DEADLINE_MS, StoreUnreachableError } from '../common/store-startup.js';
import { TockError } from '../common/tock-error.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createDataSource } from '../app/data-source.js';
import { runMigrationsLocked } from '../db/migrations-lock.js';
import { configureLogging, log } from '../observability/logger.js';
import { ApiKeyService } from '../workspaces/api-key.service.js';
import { KeyRevocations } from '../workspaces/key-revocations.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';

// Operator commands on the same services as the API, against the database the
// environment names (DATABASE_URL, as for the server):
//   npm run tock -- migrate
//   npm run tock -- create-workspace --name "Acme Research" --sender +13306619491
//   npm run tock -- issue-admin-key --workspace <id>
// Results go to stdout (a key is printed once, never logged); logs go to stderr.
const USAGE = `Usage: tock <command> [options]
  migrate                                      apply pending database migrations
  create-workspace --name <name> [--sender <number>]
                                               create a workspace; prints its first ADMIN key once
  issue-admin-key --workspace <id>             recovery: a new ADMIN key for a workspace; prints it once`;


async function runCommand(argv: string[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, sender: { type: 'string' }, workspace: { type: 'string' } },
    strict: true,
  });
  const config = loadConfig();
  configureLogging({ ...config.logging, level: process.env.LOG_LEVEL ? config.logging.level : 'warn', destination: 2 });
  const { dataSource } = createDataSource(config.database, { quiet: command !== 'migrate' });
  const stores = describeStores(config);
  await reachStore('database', stores.database, dataSource.initialize(), Date.now() + STORE_CONNECT_DEADLINE_MS);
  try {
    if (command === 'migrate') {
      // O4: under the same lock as every starting process, so a deploy's migrate and its servers never race.
      const applied = await runMigrationsLocked(dataSource);
      out(applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date');
      return 0;
    }
    if (await dataSource.showMigrations()) {
      out(`The database (${stores.database}) has pending migrations: run \`tock migrate\` first`);
      return 1;
    }
    // No sockets here: a revoke has nobody to tell.
    const apiKeys = new ApiKeyService(dataSource, config.platformToken, new KeyRevocations());
    const workspaces = new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry, config.abuse.pumpingBudgetPerHour);
    if (command === 'create-workspace') {
      if (!values.name) return usage(out, '--name is required');
      const created = await dataSource.transaction((manager) => workspaces.create(manager, values.name!, values.sender ?? null));
      out(`Workspace ${created.workspace.id} (${created.workspace.name}) created; SMS is off until an ADMIN turns it on.`);
      out(`ADMIN key (shown once, store it now): ${created.adminKey.secret}`);
      return 0;
    }
    if (command === 'issue-admin-key') {
      if (!values.workspace) return usage(out, '--workspace is required');
      const issued = await workspaces.issueAdminKey(values.workspace, 'Recovery admin key (tock issue-admin-key)');
      out(`New ADMIN key for workspace ${values.workspace} (shown once, store it now): ${issued.secret}`);
      return 0;
    }
    return usage(out, `unknown command ${command}`);
  } finally {
    await dataSource.destroy();
  }
}

function usage(out: (line: string) => void, problem: string): number {
  out(`${problem}\n${USAGE}`);
  return 2;
}

async function main(): Promise<void> {
  try {
    process.exitCode = await runCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) log.fatal({ problems: error.problems }, error.message);
    else if (error instanceof StoreUnreachableError || error instanceof TockError) log.fatal(error.message);
    else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) log.fatal(`${error.message}\n${USAGE}`);
    else log.fatal({ err: error }, 'tock command failed');
    process.exitCode = error instanceof ConfigError || error instanceof TypeError ? 2 : 1;
  }
}

await main();
