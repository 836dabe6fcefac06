import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';
import { currentLogContext } from './log-context.js';
import { maskPhonesIn, maskPhonesInText, SECRET_PATHS, serializeError } from './redact.js';

export type LogLevel = LevelWithSilent;
type LogFormat = 'json' | 'pretty';

interface LoggingOptions {
  level: LogLevel;
  /** json: one JSON object a line (production); pretty: one readable line (development). */
  format: LogFormat;
  /** Where lines go: a stream (tests read one), or a file descriptor (stdout by default; the CLI uses stderr). */
  destination?: DestinationStream | 1 | 2;
}

const INFO = pino.levels.values.info;

/** O1: a pino logger with request/job context on every line, masked phones and redacted secrets. */
function createLogger(options: LoggingOptions): Logger {
  // Below info (debug, trace) an operator is chasing one problem and sees numbers in full.
  const maskPhones = options.level === 'silent' || pino.levels.values[options.level] >= INFO;
  const target = options.destination ?? 1;
  const destination =
    typeof target !== 'number' ? target : options.format === 'pretty' ? prettyTo(target) : pino.destination({ dest: target, sync: true });
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      mixin: () => ({ ...currentLogContext() }),
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => (maskPhones ? maskPhonesIn(record) : record),
      },
      hooks: {
        logMethod(args, method) {
          if (maskPhones) for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') args[i] = maskPhonesInText(args[i] as string);
          return method.apply(this, args as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function prettyTo(fd: 1 | 2): DestinationStream {
  return pretty({ destination: fd, sync: true, singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' });
}

/** The defaults: LOG_LEVEL, else quiet under test and info elsewhere; JSON in production, pretty otherwise. */
export function defaultLoggingOptions(env: { nodeEnv?: string; level?: string; format?: string }): LoggingOptions {
  const quiet = env.nodeEnv === 'test';
  return {
    level: (env.level as LogLevel | undefined) ?? (quiet ? 'silent' : 'info'),
    format: (env.format as LogFormat | undefined) ?? (env.nodeEnv === 'production' ? 'json' : 'pretty'),
  };
}

/**
 * The process's logger. A live binding: configureLogging replaces it, and
 * every module that imported `log` writes through the new one.
 */
export let log: Logger = createLogger(
  defaultLoggingOptions({ nodeEnv: process.env.NODE_ENV, level: process.env.LOG_LEVEL || undefined, format: process.env.LOG_FORMAT || undefined }),
);

export function configureLogging(options: LoggingOptions): Logger {
  log = createLogger(options);
  return log;
}
