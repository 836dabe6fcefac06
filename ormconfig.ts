// The TypeORM DataSource for the CLI, built from the same validated settings as
// the server (DATABASE_URL, else SQLite under DATA_DIR). Example:
//   npm run typeorm -- migration:show
import 'reflect-metadata';
import { loadConfig } from './server/src/config/config.js';
import { createDataSource } from './server/src/app/data-source.js';

export default createDataSource(loadConfig().database).dataSource;
