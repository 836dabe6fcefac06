import { describe, expect, it } from 'vitest';
import { startTestServer, type TestDatabase } from '../../../test/harness.js';

// The committed migrations must build exactly the schema the entities describe,
// on both databases; otherwise `npm run migration:generate` has been forgotten.
describe.each<TestDatabase>(['mariadb', 'sqlite'])('migrations on %s', (database) => {
  it('build the schema the entities describe, with nothing left to generate', async () => {
    const server = await startTestServer({ database });
    try {
      const pending = await server.app.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await server.app.dataSource.showMigrations()).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
