import { z } from 'zod';
import { SENDER_RATES_PATTERN } from '../messaging/rate-limit/sender-throughput.js';

// One validated, typed view of the environment. Every bad value is reported at
// once, by name, before anything starts.
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });

const boolFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1'));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: optionalUrl(['mysql://', 'mariadb://', 'sqlite:']),
  DATA_DIR: z.string().default('./data'),
  // redis:// is refused below, with the reason (item 7).
  JOBS_URL: optionalUrl(['mongodb://', 'mongodb+srv://', 'redis://', 'rediss://']),
  REDIS_URL: optionalUrl(['redis://', 'rediss://']),
  VONAGE_API_KEY: z.string().optional(),
  VONAGE_API_SECRET: z.string().optional(),
  VONAGE_SIGNATURE_SECRET: z.string().optional(),
  VONAGE_SIGNATURE_METHOD: z.enum(['md5hash', 'md5', 'sha1', 'sha256', 'sha512']).default('sha256'),
  VONAGE_FROM: z.string().optional(),
  VONAGE_REST_HOST: optionalUrl(['http://', 'https://']),
  VONAGE_API_HOST: optionalUrl(['http://', 'https://']),
  // L5: Vonage's default throughput is 30 requests per second per API key.
  VONAGE_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
  // L7: what the key's cap counts, the spacing's safety margin, and per-sender throughput.
  VONAGE_RATE_UNIT: z.enum(['request', 'segment']).default('request'),
  VONAGE_RATE_HEADROOM_MS: z.coerce.number().int().min(0).max(1000).default(100),
  VONAGE_SENDER_RATES: z
    .string()
    .regex(SENDER_RATES_PATTERN, 'must be kind=rate or +number=rate pairs, comma-separated (kinds: long, tollfree, short)')
    .optional(),
  SMTP_URL: optionalUrl(['smtp://', 'smtps://']),
  // E8: the address carriers see email-to-SMS mail from (a domain with SPF/DKIM for the SMTP relay).
  SMTP_FROM: z.string().trim().regex(/^(.+<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'must be an address like sms@example.com or "Tock <sms@example.com>"').optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PLATFORM_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  BRAND_NAME: z.string().min(1).max(40).default('Tock'),
  SUPPORT_CONTACT: z.string().default('support@example.com'),
  DEFAULT_PHONE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code')
    .default('US'),
  GRAPHQL_INTROSPECTION: boolFlag(true),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20000),
  // A10: WebSocket limits per client address and per socket.
  WS_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  WS_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(30),
  DEMO_SEED: boolFlag(true),
  CONSOLE_DIR: z.string().optional(),
  TOCK_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  JOBS_PROCESS_EVERY_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  JOBS_LOCK_LIFETIME_MS: z.coerce.number().int().min(500).max(3_600_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(8000),
  SEND_INTERRUPTED_AFTER_MS: z.coerce.number().int().min(1000).max(86_400_000).default(5 * 60_000),
  // How long each job's run history is kept; 0 turns the job log off.
  JOBS_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  SEND_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  SEND_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  // L8: how far ahead bursts of due texts are planned and pulled forward.
  SEND_PLAN_HORIZON_MS: z.coerce.number().int().min(60_000).max(24 * 3_600_000).default(30 * 60_000),
  SEND_MAX_RETRIES: z.coerce.number().int().min(0).max(100).default(12),
  // A8: X-Forwarded-For is honoured only from these proxies (proxy-addr syntax: loopback, 10.0.0.0/8, …).
  TRUSTED_PROXIES: z.string().default('loopback'),
  // A8: public paths that cause texts, per hour.
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(5),
  SIGNUP_LIMIT_PER_PHONE: z.coerce.number().int().min(1).max(1_000_000).default(3),
  SIGNUP_LIMIT_PER_PREFIX: z.coerce.number().int().min(1).max(1_000_000).default(30),
  SIGNUP_LIMIT_PER_INVITE: z.coerce.number().int().min(1).max(1_000_000).default(100),
  MANAGE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(20),
  // A8: the proof of work on the public signup page (ALTCHA, self-hosted).
  SIGNUP_CHALLENGE: boolFlag(true),
  SIGNUP_CHALLENGE_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
  SIGNUP_CHALLENGE_MAX_COUNTER: z.coerce.number().int().min(10).max(10_000_000).default(5_000),
  // A10: failed authentications per IP per minute before 429.
  AUTH_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(30),
  AUTH_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  ABUSE_REDIS_PREFIX: z.string().min(1).default('tock:abuse'),
  // A8: a new workspace's pumping budget (an ADMIN changes it per workspace).
  PUMPING_BUDGET_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Every environment variable Tock reads (docker-compose.yml may set no other). */
export const KNOWN_SETTINGS: readonly string[] = Object.keys(envSchema.shape);

export type Env = Record<string, string | undefined>;

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: { kind: 'mysql'; flavor: 'mysql' | 'mariadb'; url: string } | { kind: 'sqlite'; path: string };
  dataDir: string;
  jobsUrl?: string;
  redisUrl?: string;
  vonage: {
    apiKey?: string;
    apiSecret?: string;
    signatureSecret?: string;
    /** A3: how Vonage signs webhooks for this account (its dashboard setting). */
    signatureMethod: 'md5hash' | 'md5' | 'sha1' | 'sha256' | 'sha512';
    from?: string;
    restHost?: string;
    apiHost?: string;
    rateLimitPerSecond: number;
    /** L7: whether the key's cap counts API requests or message segments. */
    rateUnit: 'request' | 'segment';
    /** L7: each second's spacing is stretched by this much, against timing jitter. */
    rateHeadroomMs: number;
    /** L7: VONAGE_SENDER_RATES as given (parsed by the rate limiter). */
    senderRates?: string;
  };
  smtpUrl?: string;
  /** E8: the sender of email-to-SMS mail; required with SMTP_URL in production. */
  smtpFrom?: string;
  /** O1: level and line format (json in production, pretty otherwise). */
  logging: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'; format: 'json' | 'pretty' };
  /** O2: a scrape of /metrics must bear this token; unset: open outside production, off in production. */
  metricsToken?: string;
  publicUrl: string;
  platformToken?: string;
  brandName: string;
  supportContact: string;
  defaultPhoneCountry: string;
  graphql: { introspection: boolean; maxDepth: number; maxCost: number };
  /** A10: sockets one client address may hold, and messages one socket may send per second. */
  webSocket: { maxSocketsPerIp: number; maxMessagesPerSecond: number };
  demoSeed: boolean;
  /** The built console (index.html and assets/); unset: console/dist of this checkout. */
  consoleDir?: string;
  /** all: API and worker in one process; api: GraphQL and webhooks only; worker: jobs only. */
  role: 'all' | 'api' | 'worker';
  /**
   * lockLifetimeMs: how long a job's lock lasts without renewal (running jobs
   * renew theirs), so a dead worker's jobs are taken over after about this long.
   * shutdownTimeoutMs: how long a graceful stop may take before the process exits anyway.
   * logRetentionDays: how long job runs are kept in the job log (0: no log).
   */
  jobs: { processEveryMs: number; lockLifetimeMs: number; sendConcurrency: number; shutdownTimeoutMs: number; logRetentionDays: number };
  /** L5: back-off for sends the provider refused for now (throttled, 5xx, timeouts). */
  sendRetry: { baseDelayMs: number; maxDelayMs: number; maxRetries: number };
  /** L6: a text left SENDING without a receipt this long is marked FAILED INTERRUPTED for review. */
  sendInterruptedAfterMs: number;
  /** A7/A8/A10: abuse defences on public paths and authentication. */
  abuse: {
    trustedProxies: string[];
    /** Per hour. */
    signupLimits: { perIp: number; perPhone: number; perPrefix: number; perInvite: number };
    manageLimitPerIp: number;
    challenge: { enabled: boolean; secret?: string; maxCounter: number };
    authFailuresPerIp: number;
    authBlockSeconds: number;
    /** Where the limits' counts live in Redis; every process of one deployment uses the same. */
    redisPrefix: string;
    /** A new workspace's pumping-breaker budget per hour. */
    pumpingBudgetPerHour: number;
  };
  /** L8: how far ahead the send planner looks for bursts. */
  sendPlanHorizonMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(rawEnv: Env = process.env): Config {
  // An empty value (VAR= in a shell, ${VAR:-} in compose) means "not set".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.PLATFORM_TOKEN) {
    problems.push('PLATFORM_TOKEN: required in production (it is the only way to create workspaces)');
  }
  if (e.NODE_ENV === 'production' && e.GRAPHQL_INTROSPECTION && env.GRAPHQL_INTROSPECTION === undefined) {
    // Introspection is off in production unless asked for explicitly.
    e.GRAPHQL_INTROSPECTION = false;
  }
  if (e.NODE_ENV === 'production' && e.SMTP_URL && !e.SMTP_FROM) {
    problems.push('SMTP_FROM: required with SMTP_URL in production (carriers refuse mail from an address they cannot verify)');
  }
  if (e.JOBS_URL?.startsWith('redis')) {
    // Item 7: @agendajs/redis-backend 3.x finds a unique job by reading every job of its name
    // (SMEMBERS, then HGETALL each): 2,000 texts cost millions of reads and minutes.
    problems.push(
      'JOBS_URL: redis:// job stores are not supported (the Agenda Redis backend cannot look up unique send jobs at scale); leave JOBS_URL empty for the SQL job store, or use mongodb://. REDIS_URL still shares rate limits and live events.',
    );
  }
  if (Boolean(e.VONAGE_API_KEY) !== Boolean(e.VONAGE_API_SECRET)) {
    problems.push('VONAGE_API_KEY / VONAGE_API_SECRET: set both or neither');
  }
  if (problems.length) throw new ConfigError(problems);

  const database: Config['database'] =
    e.DATABASE_URL && !e.DATABASE_URL.startsWith('sqlite:')
      ? { kind: 'mysql', flavor: e.DATABASE_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql', url: e.DATABASE_URL.replace(/^mariadb:/, 'mysql:') }
      : { kind: 'sqlite', path: e.DATABASE_URL?.replace(/^sqlite:(\/\/)?/, '') || `${e.DATA_DIR}/tock.sqlite` };

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    dataDir: e.DATA_DIR,
    jobsUrl: e.JOBS_URL,
    redisUrl: e.REDIS_URL,
    vonage: {
      apiKey: e.VONAGE_API_KEY,
      apiSecret: e.VONAGE_API_SECRET,
      signatureSecret: e.VONAGE_SIGNATURE_SECRET,
      signatureMethod: e.VONAGE_SIGNATURE_METHOD,
      from: e.VONAGE_FROM,
      restHost: e.VONAGE_REST_HOST,
      apiHost: e.VONAGE_API_HOST,
      rateLimitPerSecond: e.VONAGE_RATE_LIMIT_PER_SECOND,
      rateUnit: e.VONAGE_RATE_UNIT,
      rateHeadroomMs: e.VONAGE_RATE_HEADROOM_MS,
      senderRates: e.VONAGE_SENDER_RATES,
    },
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    logging: { level: e.LOG_LEVEL ?? 'info', format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty') },
    metricsToken: e.METRICS_TOKEN,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    platformToken: e.PLATFORM_TOKEN,
    brandName: e.BRAND_NAME,
    supportContact: e.SUPPORT_CONTACT,
    defaultPhoneCountry: e.DEFAULT_PHONE_COUNTRY,
    graphql: { introspection: e.GRAPHQL_INTROSPECTION, maxDepth: e.GRAPHQL_MAX_DEPTH, maxCost: e.GRAPHQL_MAX_COST },
    webSocket: { maxSocketsPerIp: e.WS_MAX_SOCKETS_PER_IP, maxMessagesPerSecond: e.WS_MAX_MESSAGES_PER_SECOND },
    demoSeed: e.DEMO_SEED,
    consoleDir: e.CONSOLE_DIR,
    role: e.TOCK_ROLE,
    jobs: {
      processEveryMs: e.JOBS_PROCESS_EVERY_MS,
      lockLifetimeMs: e.JOBS_LOCK_LIFETIME_MS,
      sendConcurrency: e.SEND_CONCURRENCY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      logRetentionDays: e.JOBS_LOG_RETENTION_DAYS,
    },
    sendRetry: { baseDelayMs: e.SEND_RETRY_BASE_MS, maxDelayMs: e.SEND_RETRY_MAX_DELAY_MS, maxRetries: e.SEND_MAX_RETRIES },
    sendInterruptedAfterMs: e.SEND_INTERRUPTED_AFTER_MS,
    abuse: {
      trustedProxies: e.TRUSTED_PROXIES.split(',').map((p) => p.trim()).filter(Boolean),
      signupLimits: { perIp: e.SIGNUP_LIMIT_PER_IP, perPhone: e.SIGNUP_LIMIT_PER_PHONE, perPrefix: e.SIGNUP_LIMIT_PER_PREFIX, perInvite: e.SIGNUP_LIMIT_PER_INVITE },
      manageLimitPerIp: e.MANAGE_LIMIT_PER_IP,
      challenge: { enabled: e.SIGNUP_CHALLENGE, secret: e.SIGNUP_CHALLENGE_SECRET, maxCounter: e.SIGNUP_CHALLENGE_MAX_COUNTER },
      authFailuresPerIp: e.AUTH_FAILURES_PER_IP,
      authBlockSeconds: e.AUTH_BLOCK_SECONDS,
      redisPrefix: e.ABUSE_REDIS_PREFIX,
      pumpingBudgetPerHour: e.PUMPING_BUDGET_PER_HOUR,
    },
    sendPlanHorizonMs: e.SEND_PLAN_HORIZON_MS,
  };
}
