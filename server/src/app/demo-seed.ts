import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from './create-app.js';
import { SessionStatus } from '../studies/session-status.enum.js';
import { inviteUrl } from '../studies/public-links.js';
import { StudySession } from '../studies/study-session.entity.js';
import { Study } from '../studies/study.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

const DEMO_SENDER = '+13306619491';
const DEMO_STUDY = 'Demo study';
const HOUR_MS = 3_600_000;
// Session starts, in hours from the next whole hour: tomorrow morning-ish, afternoon, and the day after.
const DEMO_SESSION_OFFSETS_HOURS = [24, 28, 48];

interface DemoSeed {
  adminKey: string;
  /** The demo study's public signup page. */
  signupUrl: string | null;
}

/**
 * First run on a bare machine: create a demo workspace and keep its admin key in
 * the data folder (outside production only), so that `npm start` can always show
 * a newcomer a key that works; and keep a demo study with upcoming sessions, so
 * the newcomer can book through its public signup page at once.
 */
export async function ensureDemoWorkspace(app: App): Promise<DemoSeed | null> {
  const { config, dataSource, services } = app;
  if (!config.demoSeed || config.env === 'production') return null;
  const keyFile = join(config.dataDir, 'demo-admin-key.txt');
  let adminKey: string;
  if (await dataSource.getRepository(Workspace).exists()) {
    if (!existsSync(keyFile)) return null;
    adminKey = readFileSync(keyFile, 'utf8').trim();
  } else {
    const created = await dataSource.transaction((manager) => services.workspaces.create(manager, 'Demo workspace', DEMO_SENDER));
    adminKey = created.adminKey.secret;
    writeFileSync(keyFile, `${adminKey}\n`);
    chmodSync(keyFile, 0o600);
  }
  const actor = await services.apiKeys.authenticate(`Bearer ${adminKey}`);
  if (actor.kind !== 'apiKey') return { adminKey, signupUrl: null };
  const study = await ensureDemoStudy(app, actor.workspaceId);
  return { adminKey, signupUrl: inviteUrl(config.publicUrl, study.inviteToken) };
}

// The demo study keeps upcoming sessions: a later start adds new ones once the old have passed.
async function ensureDemoStudy(app: App, workspaceId: string): Promise<Study> {
  const { dataSource, services } = app;
  return dataSource.transaction(async (manager) => {
    const study =
      (await manager.findOneBy(Study, { workspaceId, name: DEMO_STUDY })) ?? (await services.studies.create(manager, workspaceId, { name: DEMO_STUDY }));
    const now = new Date();
    const upcoming = await manager
      .createQueryBuilder(StudySession, 's')
      .where('s.studyId = :studyId AND s.status = :status AND s.startsAt > :now', { studyId: study.id, status: SessionStatus.SCHEDULED, now })
      .getCount();
    if (upcoming === 0) {
      const nextHour = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
      for (const hours of DEMO_SESSION_OFFSETS_HOURS) {
        await services.sessions.create(manager, workspaceId, { studyId: study.id, startsAt: new Date(nextHour + hours * HOUR_MS), durationMinutes: 30, location: 'Video call' });
      }
    }
    return study;
  });
}
