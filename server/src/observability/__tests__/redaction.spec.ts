import { afterEach, describe, expect, it } from 'vitest';
import { createDataSource } from '../../app/data-source.js';
import { QueryCounter } from '../../db/query-counter.js';
import { captureLogs } from '../../../test/log-capture.js';
import { log } from '../logger.js';
import { withLogContext } from '../log-context.js';
import { maskPhone, safeRequestPath, safeUrl } from '../redact.js';

let restore = () => {};
function capture(level: 'info' | 'debug' = 'info'): Record<string, unknown>[] {
  const captured = captureLogs(level);
  restore = captured.restore;
  return captured.lines;
}

describe('what log lines may show (O1)', () => {
  afterEach(() => restore());

  it('O1: phone numbers are masked at info level, shown in full at debug, and secrets never appear', () => {
    const lines = capture('info');
    log.info({ to: '+14155550123', apiKey: 'tock_abc_secret', nested: { phone: '+447700900123', password: 'pw' } }, 'text to +14155550123 sent');
    expect(lines[0]).toMatchObject({ to: '+1415555****', apiKey: '[redacted]', nested: { phone: '+44770090****', password: '[redacted]' }, msg: 'text to +1415555**** sent' });

    const debug = capture('debug');
    log.debug({ to: '+14155550123', secret: 's' }, 'looking closely');
    expect(debug[0]).toMatchObject({ to: '+14155550123', secret: '[redacted]' });
    expect(maskPhone('+15551234567')).toBe('+1555123****');
  });

  it('O1: URLs lose their credentials and query values; token paths are cut', () => {
    expect(safeUrl('mongodb://tock:pw@mongo:27017/jobs?authSource=admin')).toBe('mongodb://mongo:27017/jobs?authSource=…');
    expect(safeUrl('redis://:pw@redis:6379')).toBe('redis://redis:6379');
    expect(safeRequestPath('/console/invite/XGkI-gyulTNQWEvUKWi14Cr2cAAxV7NpwjMUbFDLUP8?msisdn=14155550123')).toBe('/console/invite/…?msisdn=…');
  });

  it('O1: a line carries the request and job context it was written in', () => {
    const lines = capture();
    withLogContext({ requestId: 'req-1' }, () => withLogContext({ job: 'send-message', entryId: '42' }, () => log.info('inside')));
    expect(lines[0]).toMatchObject({ requestId: 'req-1', job: 'send-message', entryId: '42', msg: 'inside' });
  });

  it('O1: a failed SQL statement is logged with its query and without its parameter values', async () => {
    const lines = capture();
    const { dataSource } = createDataSource({ kind: 'sqlite', path: ':memory:' }, { quiet: true });
    await dataSource.initialize();
    try {
      await expect(dataSource.query('SELECT * FROM no_such_table WHERE phone = ?', ['+14155550199'])).rejects.toThrow();
    } finally {
      await dataSource.destroy();
    }
    const failed = lines.find((line) => line.msg === 'SQL statement failed')!;
    expect(failed).toMatchObject({ level: 'error', query: 'SELECT * FROM no_such_table WHERE phone = ?', err: { message: expect.stringContaining('no such table') } });
    expect(JSON.stringify(lines)).not.toContain('4155550199');
  });

  it('O1/K8: a deadlock or lost connection, which the caller retries, is logged at debug only, so error lines carry no SQL', () => {
    const lines = capture();
    const counter = new QueryCounter(true);
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    counter.logQueryError(deadlock, 'UPDATE opt_outs SET opted_out = ? WHERE phone = ?');
    counter.logQueryError(Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' }), 'INSERT INTO comms_log_entries VALUES (?)');
    expect(lines).toEqual([]);
    const debug = capture('debug');
    counter.logQueryError(deadlock, 'UPDATE opt_outs SET opted_out = ? WHERE phone = ?');
    expect(debug[0]).toMatchObject({ level: 'debug', msg: 'SQL statement failed', err: { code: 'ER_LOCK_DEADLOCK' } });
  });
});
