import type { DataSource } from 'typeorm';
import type { Config } from './config/config.js';
import { ConsentService } from './consent/consent.service.js';
import { createDataSource } from './db/data-source.js';
import type { QueryCounter } from './db/query-counter.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ApiKeyService } from './workspaces/api-key.service.js';
import { WorkspaceService } from './workspaces/workspace.service.js';

/** What the server holds for its lifetime: configuration, the database and the domain services. */
export interface App {
  config: Config;
  dataSource: DataSource;
  queryCounter: QueryCounter;
  services: ReturnType<typeof createServices>;
  close(): Promise<void>;
}

function createServices(config: Config, dataSource: DataSource) {
  const apiKeys = new ApiKeyService(dataSource, config.platformToken);
  return {
    apiKeys,
    consent: new ConsentService(),
    idempotency: new IdempotencyService(dataSource),
    workspaces: new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry),
  };
}

export async function createApp(config: Config): Promise<App> {
  const { dataSource, queryCounter } = createDataSource(config.database);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    config,
    dataSource,
    queryCounter,
    services: createServices(config, dataSource),
    close: () => dataSource.destroy(),
  };
}
