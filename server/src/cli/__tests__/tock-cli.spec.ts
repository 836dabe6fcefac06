import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app.js';
import { loadConfig } from '../../config/config.js';
import type { RunningServer } from '../../http/server.js';
import { startHttpServer } from '../../app/index.js';
import { graphqlClient, PLATFORM_TOKEN } from '../../../test/harness.js';
import { createTestDatabase, spawnTock } from '../../../test/tock-process.js';

// The operator's commands as a real child process, as `npm run tock -- …` runs them.
async function tock(databaseUrl: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const run = spawnTock({ NODE_ENV: 'production', PLATFORM_TOKEN, DATABASE_URL: databaseUrl }, 'server/src/cli/tock.ts', args);
  const code = await run.exited;
  return { code, out: run.output() };
}

const ME = '{ me { role workspace { id name senderNumber smsEnabled } } }';

describe.each(['sqlite', 'mariadb'] as const)('operator commands on %s', (database) => {
  let databaseUrl: string;
  let drop = async () => {};
  let app: App | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.stop();
    await app?.close();
    await drop();
  });

  it('tock migrate, create-workspace (the first ADMIN key, printed once) and issue-admin-key work, on the services the API uses', async () => {
    if (database === 'mariadb') {
      const created = await createTestDatabase();
      databaseUrl = created.url;
      drop = created.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'tock-cli-'));
      databaseUrl = `sqlite:${join(dir, 'tock.sqlite')}`;
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    // Refusals are proven once (SQLite); each child process costs seconds of start-up.
    const full = database === 'sqlite';
    if (full) {
      // Before migrating, the other commands refuse and change nothing.
      const early = await tock(databaseUrl, 'create-workspace', '--name', 'Too early');
      expect(early.code).toBe(1);
      expect(early.out).toMatch(/pending migrations: run `tock migrate` first/);
    }

    const migrated = await tock(databaseUrl, 'migrate');
    expect(migrated.code, migrated.out).toBe(0);
    expect(migrated.out).toMatch(/Applied \d+ migration\(s\): Initial/);
    if (full) expect((await tock(databaseUrl, 'migrate')).out).toContain('The database is up to date');

    const created = await tock(databaseUrl, 'create-workspace', '--name', 'Acme Research', '--sender', '(330) 661-9491');
    expect(created.code, created.out).toBe(0);
    const workspaceId = /Workspace (\S+) \(Acme Research\) created/.exec(created.out)?.[1];
    const firstKey = /ADMIN key \(shown once, store it now\): (tock_\S+)/.exec(created.out)?.[1];
    expect(workspaceId).toBeTruthy();
    expect(firstKey).toBeTruthy();
    // Printed once: the key is on its own line of output, not repeated in any log line.
    expect(created.out.split(firstKey!).length).toBe(2);

    const recovered = await tock(databaseUrl, 'issue-admin-key', '--workspace', workspaceId!);
    expect(recovered.code, recovered.out).toBe(0);
    const recoveryKey = /New ADMIN key for workspace \S+ \(shown once, store it now\): (tock_\S+)/.exec(recovered.out)?.[1];
    expect(recoveryKey).toBeTruthy();
    expect(recoveryKey).not.toBe(firstKey);

    if (full) {
      // Bad input: a clear message, a non-zero exit, nothing stored.
      const [unknown, noName, badSender] = await Promise.all([
        tock(databaseUrl, 'issue-admin-key', '--workspace', 'no-such-workspace'),
        tock(databaseUrl, 'create-workspace'),
        tock(databaseUrl, 'create-workspace', '--name', 'Bad sender', '--sender', 'not a phone'),
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.out).toContain('Workspace not found');
      expect(noName.code).toBe(2);
      expect(noName.out).toContain('--name is required');
      expect(badSender.code).toBe(1);
    }

    // The API, on the same database, knows the workspace and both keys as ADMIN keys.
    app = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, PLATFORM_TOKEN, DATA_DIR: tmpdir() }));
    server = await startHttpServer(app, 0, '127.0.0.1');
    const client = graphqlClient(server.url);
    for (const key of [firstKey!, recoveryKey!]) {
      const { me } = await client.ok(ME, {}, key);
      expect(me).toEqual({ role: 'ADMIN', workspace: { id: workspaceId, name: 'Acme Research', senderNumber: '+13306619491', smsEnabled: false } });
    }
    const { workspace } = await client.ok('{ workspace { id } }', {}, firstKey!);
    expect(workspace.id).toBe(workspaceId);
    // The recovery is in the workspace's audit trail, by the operator.
    const audit = await client.ok('{ workspace { auditTrail(first: 10) { nodes { setting actorLabel newValue } } } }', {}, firstKey!);
    // The new key's prefix names it in the trail; the secret is never stored.
    expect(audit.workspace.auditTrail.nodes).toEqual([{ setting: 'adminKeyIssued', actorLabel: 'platform', newValue: expect.stringContaining(`tock_${recoveryKey!.split('_')[1]}_`) }]);
    // The refused commands stored nothing: one workspace.
    const [{ workspaces }] = await app.dataSource.query('SELECT COUNT(*) AS workspaces FROM workspaces');
    expect(Number(workspaces)).toBe(1);
  }, 180_000);
});
