import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('configuration', () => {
  it('defaults to embedded SQLite under ./data with no settings', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/tock.sqlite' });
    expect(config.port).toBe(4000);
    expect(config.graphql.introspection).toBe(true);
  });

  it('reads MySQL and MariaDB URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/tock' }).database).toEqual({ kind: 'mysql', flavor: 'mysql', url: 'mysql://u:p@db:3306/tock' });
    expect(loadConfig({ DATABASE_URL: 'mariadb://u@db/tock' }).database).toEqual({ kind: 'mysql', flavor: 'mariadb', url: 'mysql://u@db/tock' });
  });

  it('reports every bad value at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', JOBS_URL: 'amqp://x', PUBLIC_URL: 'ftp://x', DEFAULT_PHONE_COUNTRY: 'usa' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(names).toEqual(['DATABASE_URL', 'DEFAULT_PHONE_COUNTRY', 'JOBS_URL', 'PORT', 'PUBLIC_URL']);
  });

  it('production needs a platform token and turns introspection off unless asked', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PLATFORM_TOKEN/);
    const token = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', PLATFORM_TOKEN: token }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PLATFORM_TOKEN: token, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('treats empty values as unset, as docker compose passes them', () => {
    const config = loadConfig({ PUBLIC_URL: '', REDIS_URL: '', PLATFORM_TOKEN: '', PORT: '' });
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.redisUrl).toBeUndefined();
    expect(config.platformToken).toBeUndefined();
  });

  it('L5: the Vonage rate limit defaults to 30 requests per second and must be a positive whole number', () => {
    expect(loadConfig({}).vonage.rateLimitPerSecond).toBe(30);
    expect(loadConfig({ VONAGE_RATE_LIMIT_PER_SECOND: '5' }).vonage.rateLimitPerSecond).toBe(5);
    expect(() => loadConfig({ VONAGE_RATE_LIMIT_PER_SECOND: '0' })).toThrow(/VONAGE_RATE_LIMIT_PER_SECOND/);
    expect(() => loadConfig({ VONAGE_RATE_LIMIT_PER_SECOND: 'fast' })).toThrow(/VONAGE_RATE_LIMIT_PER_SECOND/);
  });

  it('Vonage credentials come in pairs', () => {
    expect(() => loadConfig({ VONAGE_API_KEY: 'abc' })).toThrow(/VONAGE_API_KEY \/ VONAGE_API_SECRET/);
  });
});
