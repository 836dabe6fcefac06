import { randomBytes } from 'node:crypto';
import { MongoBackend } from '@agendajs/mongo-backend';
import { RedisBackend } from '@agendajs/redis-backend';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { startTestServer, type TestDatabase } from '../../../test/harness.js';
import { adaptOfficialBackend } from '../official-backend.adapter.js';
import { RedisJobNotificationChannel } from '../notifications/redis-job-notification.channel.js';
import { log } from '../../observability/logger.js';
import { SqlJobBackend } from '../sql-backend/sql-job.backend.js';
import { describeJobStoreContract, type JobStoreUnderTest } from './job-store.contract.js';

// One contract, every job store Tock supports that this machine can reach.

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Tock's store as it runs with REDIS_URL: saves announced over a Redis channel of this run's own.
async function tockSqlStore(database: TestDatabase): Promise<JobStoreUnderTest> {
  const server = await startTestServer({ database });
  const channel = `tock-test:${randomBytes(6).toString('hex')}:jobs`;
  return {
    newBackend: () =>
      new SqlJobBackend(server.app.dataSource, {
        notificationChannel: new RedisJobNotificationChannel(REDIS_URL, channel),
        log: { retentionMs: 24 * 60 * 60 * 1000 },
      }),
    close: () => server.stop(),
  };
}

async function redisStore(url: string): Promise<JobStoreUnderTest> {
  // A key prefix and channel of its own, so runs beside this one are not disturbed.
  const prefix = `tock-test:${randomBytes(6).toString('hex')}:`;
  return {
    newBackend: () => adaptOfficialBackend(new RedisBackend({ connectionString: url, keyPrefix: prefix, channelName: `${prefix}notifications` })),
    close: async () => {
      const redis = new Redis(url);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}

async function mongoStore(url: string): Promise<JobStoreUnderTest> {
  const collection = `agenda_test_${randomBytes(6).toString('hex')}`;
  return {
    newBackend: () => adaptOfficialBackend(new MongoBackend({ address: url, collection })),
    close: async () => {
      const client = await MongoClient.connect(url);
      await client.db().dropCollection(collection).catch(() => undefined);
      await client.close();
    },
  };
}

describeJobStoreContract('Tock SQL on MariaDB', () => tockSqlStore('mariadb'), { notifiesAcrossProcesses: true });
describeJobStoreContract('Tock SQL on SQLite', () => tockSqlStore('sqlite'), { notifiesAcrossProcesses: true });
describeJobStoreContract('official Redis backend', () => redisStore(REDIS_URL), { notifiesAcrossProcesses: true });

const mongoUrl = process.env.MONGODB_URL;
// Change-stream notifications need a replica set: the MongoDB store polls.
if (mongoUrl) describeJobStoreContract('official MongoDB backend', () => mongoStore(mongoUrl), { notifiesAcrossProcesses: false });
else log.info('job-store contract: MongoDB skipped, set MONGODB_URL to run it');
