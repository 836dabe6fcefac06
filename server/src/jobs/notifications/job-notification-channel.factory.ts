import type { NotificationChannel } from 'agenda';
import { InProcessJobNotificationChannel } from './in-process-job-notification.channel.js';
import { RedisJobNotificationChannel } from './redis-job-notification.channel.js';

/** The channel Tock's SQL job store announces saved jobs on, unless a test names its own. */
const JOB_NOTIFICATION_CHANNEL = 'tock:job-notifications';

/**
 * With REDIS_URL, saved jobs wake workers in every process through Redis
 * pub/sub; without it, only the workers of the process that saved them (one
 * process running API and worker), and other processes poll.
 */
export function createJobNotificationChannel(redisUrl: string | undefined, channelName = JOB_NOTIFICATION_CHANNEL): NotificationChannel {
  return redisUrl ? new RedisJobNotificationChannel(redisUrl, channelName) : new InProcessJobNotificationChannel({ channelName });
}
