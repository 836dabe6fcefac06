import { MongoBackend } from '@agendajs/mongo-backend';
import { RedisBackend } from '@agendajs/redis-backend';
import type { AgendaBackend } from 'agenda';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { createJobNotificationChannel } from './notifications/job-notification-channel.factory.js';
import { adaptOfficialBackend } from './official-backend.adapter.js';
import { SqlJobBackend } from './sql-backend/sql-job.backend.js';

// Where jobs live: JOBS_URL picks Agenda's official MongoDB or Redis backend
// (each with its own notifications and job log); without it they stay in the
// application's own database, announced in-process or over REDIS_URL.
export function createJobBackend(config: Config, dataSource: DataSource): AgendaBackend {
  const url = config.jobsUrl;
  if (url?.startsWith('mongodb://') || url?.startsWith('mongodb+srv://')) return adaptOfficialBackend(new MongoBackend({ address: url }));
  if (url?.startsWith('redis://') || url?.startsWith('rediss://')) return adaptOfficialBackend(new RedisBackend({ connectionString: url }));
  return new SqlJobBackend(dataSource, {
    notificationChannel: createJobNotificationChannel(config.redisUrl),
    ...(config.jobs.logRetentionDays > 0 && { log: { retentionMs: config.jobs.logRetentionDays * 24 * 60 * 60 * 1000 } }),
  });
}
