import { z } from 'zod';

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
  SMTP_URL: optionalUrl(['smtp://', 'smtps://']),
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
  DEMO_SEED: boolFlag(true),
  CONSOLE_DIR: z.string().optional(),
  TOCK_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  JOBS_PROCESS_EVERY_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  JOBS_LOCK_LIFETIME_MS: z.coerce.number().int().min(500).max(3_600_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(8000),
  SEND_INTERRUPTED_AFTER_MS: z.coerce.number().int().min(1000).max(86_400_000).default(5 * 60_000),
  SEND_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  SEND_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  SEND_MAX_RETRIES: z.coerce.number().int().min(0).max(100).default(12),
});

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
  };
  smtpUrl?: string;
  publicUrl: string;
  platformToken?: string;
  brandName: string;
  supportContact: string;
  defaultPhoneCountry: string;
  graphql: { introspection: boolean; maxDepth: number; maxCost: number };
  demoSeed: boolean;
  /** The built console (index.html and assets/); unset: console/dist of this checkout. */
  consoleDir?: string;
  /** all: API and worker in one process; api: GraphQL and webhooks only; worker: jobs only. */
  role: 'all' | 'api' | 'worker';
  /**
   * lockLifetimeMs: how long a job's lock lasts without renewal (running jobs
   * renew theirs), so a dead worker's jobs are taken over after about this long.
   * shutdownTimeoutMs: how long a graceful stop may take before the process exits anyway.
   */
  jobs: { processEveryMs: number; lockLifetimeMs: number; sendConcurrency: number; shutdownTimeoutMs: number };
  /** L5: back-off for sends the provider refused for now (throttled, 5xx, timeouts). */
  sendRetry: { baseDelayMs: number; maxDelayMs: number; maxRetries: number };
  /** L6: a text left SENDING without a receipt this long is marked FAILED INTERRUPTED for review. */
  sendInterruptedAfterMs: number;
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
    },
    smtpUrl: e.SMTP_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    platformToken: e.PLATFORM_TOKEN,
    brandName: e.BRAND_NAME,
    supportContact: e.SUPPORT_CONTACT,
    defaultPhoneCountry: e.DEFAULT_PHONE_COUNTRY,
    graphql: { introspection: e.GRAPHQL_INTROSPECTION, maxDepth: e.GRAPHQL_MAX_DEPTH, maxCost: e.GRAPHQL_MAX_COST },
    demoSeed: e.DEMO_SEED,
    consoleDir: e.CONSOLE_DIR,
    role: e.TOCK_ROLE,
    jobs: {
      processEveryMs: e.JOBS_PROCESS_EVERY_MS,
      lockLifetimeMs: e.JOBS_LOCK_LIFETIME_MS,
      sendConcurrency: e.SEND_CONCURRENCY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    sendRetry: { baseDelayMs: e.SEND_RETRY_BASE_MS, maxDelayMs: e.SEND_RETRY_MAX_DELAY_MS, maxRetries: e.SEND_MAX_RETRIES },
    sendInterruptedAfterMs: e.SEND_INTERRUPTED_AFTER_MS,
  };
}
