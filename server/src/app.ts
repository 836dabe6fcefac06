import type { DataSource } from 'typeorm';
import type { Config } from './config/config.js';
import { CommsLogService } from './comms-log/comms-log.service.js';
import { ConsentAuditService } from './consent/consent-audit.service.js';
import { ConsentService } from './consent/consent.service.js';
import { OptOutRegistry } from './consent/opt-out-registry.service.js';
import { createDataSource } from './db/data-source.js';
import type { QueryCounter } from './db/query-counter.js';
import { BulkSmsOptInService } from './employees/bulk-sms-opt-in.service.js';
import { EmployeeService } from './employees/employee.service.js';
import { ScheduleService } from './employees/schedule.service.js';
import { TimeOffService } from './employees/time-off.service.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { createStudyServices } from './studies/study-services.js';
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
  const consent = new ConsentService();
  const idempotency = new IdempotencyService(dataSource);
  return {
    apiKeys,
    commsLog: new CommsLogService(dataSource, config.defaultPhoneCountry),
    consent,
    consentAudit: new ConsentAuditService(dataSource, config.defaultPhoneCountry),
    optOuts: new OptOutRegistry(dataSource),
    idempotency,
    ...createStudyServices(config, dataSource, consent, idempotency),
    workspaces: new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry),
    employees: new EmployeeService(dataSource, consent, config.defaultPhoneCountry),
    bulkSmsOptIn: new BulkSmsOptInService(dataSource, consent),
    schedules: new ScheduleService(dataSource),
    timeOff: new TimeOffService(dataSource),
  };
}

export async function createApp(config: Config): Promise<App> {
  const { dataSource, queryCounter } = createDataSource(config.database, { quiet: config.env === 'test' });
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
