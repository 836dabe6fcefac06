import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KNOWN_SETTINGS, loadConfig } from '../config.js';

const ROOT = new URL('../../../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', ROOT), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
interface Service {
  image?: string;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  container_name?: string;
  ports?: string[];
  entrypoint?: string[];
}

// The vendored Compose Specification schema (deploy/compose-spec/SOURCE.md), with its custom formats.
function composeValidator() {
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(new URL('deploy/compose-spec/compose-spec.json', ROOT), 'utf8')) as Record<string, unknown>;
  // Its $schema names draft 2019-09 by an http:// id ajv does not register; Ajv2019 is that draft.
  const ajv = new Ajv2019.default({ strict: false, allErrors: true });
  dropDraft4Ids(schema);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^[\d.:${}A-Za-z_\-/]+$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  return ajv.compile(schema);
}

// The schema still marks sub-schemas with draft-04 `id` (documentation only, no
// $ref uses them); ajv 8 refuses that keyword, so it is dropped. Keys inside
// properties/definitions maps are names, not keywords, and stay.
function dropDraft4Ids(node: unknown, isNameMap = false): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((item) => dropDraft4Ids(item));
  const record = node as Record<string, unknown>;
  if (!isNameMap && typeof record.id === 'string') delete record.id;
  for (const [key, value] of Object.entries(record)) {
    dropDraft4Ids(value, !isNameMap && ['properties', 'patternProperties', 'definitions'].includes(key));
  }
}

// What compose does with ${VAR:-default} and ${VAR:?message}, for the values a process would see.
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, op?: string, rest?: string) => {
    if (env[name]) return env[name];
    if (op === '?') throw new Error(`${name}: ${rest}`);
    return rest ?? '';
  });
}

const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1] ?? NaN);
const tockServices = Object.entries(compose.services).filter(([, service]) => service.image === 'tock:latest');

describe('docker-compose.yml for scale-out', () => {
  it('validates against the Compose Specification schema, and the validator refuses a broken file', () => {
    const validate = composeValidator();
    // Compose resolves YAML merge keys (<<) before it validates; so does this.
    const raw = compose as unknown as Record<string, unknown>;
    expect(validate(raw), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const broken = { ...raw, services: { ...(raw.services as object), extra: { image: 'x', stop_grace_period: 'a while', restart_policy: 'always' } } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/services/extra/stop_grace_period');
  });

  it('sets no variable on a Tock process that the config does not know, and the values load as a valid production config', () => {
    expect(tockServices.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    const shell = {
      MYSQL_ROOT_PASSWORD: 'r00t', TOCK_APP_DB_PASSWORD: 'appPw1', TOCK_MIGRATE_DB_PASSWORD: 'migPw1', MONGO_PASSWORD: 'mongoPw1', REDIS_PASSWORD: 'redisPw1',
      PLATFORM_TOKEN: 'platform-token-0123456789abcdef', METRICS_TOKEN: 'metrics-token-012345',
    };
    for (const [name, service] of tockServices) {
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !KNOWN_SETTINGS.includes(key));
      expect(unknown, name).toEqual([]);
      const env = Object.fromEntries(Object.entries(service.environment!).map(([key, value]) => [key, interpolate(String(value), shell)]));
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(config.database).toMatchObject({ kind: 'mysql' });
    }
    // A missing password stops compose with a message instead of starting with an empty one.
    expect(() => interpolate(String(compose.services.api.environment!.REDIS_URL), {})).toThrow(/REDIS_PASSWORD/);
  });

  it('runs a one-shot migrate, then api and worker processes that scale, with least-privilege stores and passwords from the environment', () => {
    const { migrate, api, worker, mysql, mongo, redis } = compose.services;
    expect(migrate).toMatchObject({ restart: 'no', command: ['node', 'server/dist/src/cli/tock.js', 'migrate'] });
    for (const [role, service] of [['api', api], ['worker', worker]] as const) {
      expect(service.environment!.TOCK_ROLE).toBe(role);
      expect(service.depends_on!.migrate.condition).toBe('service_completed_successfully');
      // Scalable: no fixed container name, no single host port two replicas would fight over.
      expect(service.container_name).toBeUndefined();
      for (const port of service.ports ?? []) expect(port).toMatch(/^\$\{TOCK_PORT:-\d+\}-\$\{TOCK_PORT_LAST:-\d+\}:/);
      // Health follows PORT; the grace period outlasts the drain.
      expect(service.healthcheck!.test.join(' ')).toContain('process.env.PORT');
      expect(service.healthcheck!.test.join(' ')).toContain('/readyz');
      expect(seconds(service.stop_grace_period!)).toBeGreaterThanOrEqual(60);
      // The app's MySQL user is not root and not the migrator.
      expect(service.environment!.DATABASE_URL).toMatch(/^mysql:\/\/tock_app:\$\{TOCK_APP_DB_PASSWORD:\?/);
      expect(service.environment!.JOBS_URL).toMatch(/^mongodb:\/\/tock:\$\{MONGO_PASSWORD:\?[^}]*\}@mongo:27017\/tock-jobs\?authSource=admin&replicaSet=rs0$/);
    }
    expect(migrate.environment!.DATABASE_URL).toMatch(/^mysql:\/\/tock_migrate:/);
    // Every password or token on any service comes from the environment.
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|TOKEN/.test(key)) expect(String(value), `${name}.${key}`).toMatch(/^\$\{\w+:\?/);
      }
    }
    expect(mysql.environment!.MYSQL_USER).toBe('tock_migrate');
    expect(readFileSync(new URL('deploy/mysql/10-tock-users.sh', ROOT), 'utf8')).toMatch(/GRANT SELECT, INSERT, UPDATE, DELETE ON/);
    expect(mongo.entrypoint!.join(' ')).toMatch(/--replSet rs0 .*--keyFile/);
    expect(mongo.environment!.MONGO_INITDB_ROOT_PASSWORD).toMatch(/^\$\{MONGO_PASSWORD:\?/);
    expect(mongo.healthcheck!.test.join(' ')).toMatch(/rs\.initiate/);
    expect(redis.command!.join(' ')).toContain('--requirepass');
    expect(redis.healthcheck).toBeDefined();
  });
});
