import { describe, expect, it } from 'vitest';
import { createLogger, maskUrlCredentials } from './logger.ts';

/** A logger whose JSON lines are kept in memory and parsed on demand. */
function capture(level = 'info') {
  const chunks: string[] = [];
  const logger = createLogger({ service: 'billing', level, destination: { write: (s) => chunks.push(s) } });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, raw: () => chunks.join('') };
}

describe('createLogger', () => {
  it('redacts top-level credential fields and keeps ordinary ones', () => {
    const { logger, lines, raw } = capture();
    logger.info({ user: 'ada', password: 'pw-1', token: 'tok-2', apiKey: 'key-3', secret: 's-4' }, 'login');
    expect(lines()[0]).toMatchObject({
      user: 'ada',
      password: '[REDACTED]',
      token: '[REDACTED]',
      apiKey: '[REDACTED]',
      secret: '[REDACTED]',
      msg: 'login',
    });
    expect(raw()).not.toMatch(/pw-1|tok-2|key-3|s-4/);
  });

  it('redacts nested secrets and authorization headers', () => {
    const { logger, lines, raw } = capture();
    logger.info(
      {
        client: { id: 'c-1', secret: 'nested-secret', clientSecret: 'cs' },
        req: { method: 'GET', headers: { authorization: 'Bearer abc', 'x-api-key': 'xk', accept: 'json' } },
        headers: { authorization: 'Basic zzz' },
      },
      'call',
    );
    expect(lines()[0]).toMatchObject({
      client: { id: 'c-1', secret: '[REDACTED]', clientSecret: '[REDACTED]' },
      req: {
        method: 'GET',
        headers: { authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'json' },
      },
      headers: { authorization: '[REDACTED]' },
    });
    expect(raw()).not.toMatch(/nested-secret|Bearer abc|Basic zzz|"xk"/);
  });

  it('masks credentials of URLs in messages, including format arguments', () => {
    const { logger, lines, raw } = capture();
    logger.info('connecting to mongodb://app:s3cret@db:27017/main');
    logger.warn({ attempt: 2 }, 'retrying %s', 'amqp://guest:guest-pw@mq:5672');
    const [first, second] = lines();
    expect(first?.msg).toBe('connecting to mongodb://app:***@db:27017/main');
    expect(second?.msg).toBe('retrying amqp://guest:***@mq:5672');
    expect(second?.attempt).toBe(2);
    expect(raw()).not.toMatch(/s3cret|guest-pw/);
  });

  it('puts the service name and a level label on every line, also of child loggers', () => {
    const { logger, lines } = capture();
    logger.info('one');
    logger.child({ runId: 'r-1' }).error('two');
    expect(lines()).toEqual([
      expect.objectContaining({ service: 'billing', level: 'info', msg: 'one' }),
      expect.objectContaining({ service: 'billing', level: 'error', runId: 'r-1', msg: 'two' }),
    ]);
    expect(lines().every((l) => typeof l.time === 'string' && !Number.isNaN(Date.parse(l.time)))).toBe(true);
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(lines().map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('maskUrlCredentials', () => {
  it.each([
    ['mongodb://app:s3cret@db:27017/main', 'mongodb://app:***@db:27017/main'],
    ['mongodb+srv://app:s3cret@cluster0.example.net/?w=1', 'mongodb+srv://app:***@cluster0.example.net/?w=1'],
    ['a http://x:1@h and redis://u:2@c', 'a http://x:***@h and redis://u:***@c'],
  ])('masks %s', (input, expected) => {
    expect(maskUrlCredentials(input)).toBe(expected);
  });

  it('masks a password that has no user name, the usual form of Redis URLs', () => {
    expect(maskUrlCredentials('redis://:hunter2@cache:6379/0')).not.toContain('hunter2');
  });

  it.each(['http://example.com/a:b@c', 'https://user@host/x', 'no url here: a:b@c'])(
    'leaves %s alone',
    (input) => {
      expect(maskUrlCredentials(input)).toBe(input);
    },
  );
});
