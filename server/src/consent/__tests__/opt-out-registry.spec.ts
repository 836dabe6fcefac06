import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestDatabase, type TestServer } from '../../../test/harness.js';
import { ConsentSource } from '../consent.enums.js';
import { OptOut } from '../opt-out.entity.js';
import type { OptOutRegistry } from '../opt-out-registry.service.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute, 0));

describe.each<TestDatabase>(['mariadb', 'sqlite'])('opt-out registry (%s)', (database) => {
  let server: TestServer;
  let registry: OptOutRegistry;
  const inTransaction = (work: (manager: EntityManager) => Promise<unknown>) => server.app.dataSource.transaction(work);

  beforeAll(async () => {
    server = await startTestServer({ database, worker: false });
    registry = server.app.services.optOuts;
  });
  afterAll(() => server?.stop());

  it('K2: an opt-out takes effect at once, with the time it began', async () => {
    const phone = '+14155550201';
    expect((await registry.state(phone)).optedOut).toBe(false);
    await inTransaction((m) => registry.optOut(m, phone, ConsentSource.KEYWORD, 'STOP', at(1)));
    expect((await registry.state(phone)).optedOut).toBe(true);
    expect(await registry.state(phone)).toEqual({ optedOut: true, since: at(1) });
    expect(await server.app.dataSource.getRepository(OptOut).findOneBy({ phone })).toMatchObject({ source: 'KEYWORD', keyword: 'STOP' });
  });

  it('K2: a second opt-out keeps the time of the first', async () => {
    const phone = '+14155550202';
    await inTransaction((m) => registry.optOut(m, phone, ConsentSource.KEYWORD, 'STOP', at(1)));
    await inTransaction((m) => registry.optOut(m, phone, ConsentSource.CARRIER, null, at(9)));
    expect(await registry.state(phone)).toEqual({ optedOut: true, since: at(1) });
    expect(await server.app.dataSource.getRepository(OptOut).countBy({ phone })).toBe(1);
  });

  it('K3: an opt-in lifts the opt-out; a later opt-out starts a new one', async () => {
    const phone = '+14155550203';
    await inTransaction((m) => registry.optOut(m, phone, ConsentSource.KEYWORD, 'STOP', at(1)));
    await inTransaction((m) => registry.optIn(m, phone, ConsentSource.KEYWORD, 'START', at(2)));
    expect(await registry.state(phone)).toEqual({ optedOut: false, since: null });
    expect(await server.app.dataSource.getRepository(OptOut).findOneBy({ phone })).toMatchObject({ optedOut: false, keyword: 'START' });
    await inTransaction((m) => registry.optOut(m, phone, ConsentSource.CARRIER, null, at(3)));
    expect(await registry.state(phone)).toEqual({ optedOut: true, since: at(3) });
  });

  it('K3: an opt-in for a number never opted out stores it as not opted out', async () => {
    const phone = '+14155550204';
    await inTransaction((m) => registry.optIn(m, phone, ConsentSource.KEYWORD, 'YES', at(1)));
    expect((await registry.state(phone)).optedOut).toBe(false);
    expect(await server.app.dataSource.getRepository(OptOut).findOneBy({ phone })).toMatchObject({ optedOut: false, keyword: 'YES' });
  });

  it("K2: the opt-out runs in the caller's transaction and rolls back with it", async () => {
    const phone = '+14155550205';
    await expect(
      inTransaction(async (m) => {
        await registry.optOut(m, phone, ConsentSource.KEYWORD, 'STOP', at(1));
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    expect((await registry.state(phone)).optedOut).toBe(false);
    expect(await server.app.dataSource.getRepository(OptOut).countBy({ phone })).toBe(0);
  });

});
