import { afterEach, describe, expect, it, vi } from 'vitest';
import { baseConfig, env, loadConfigOrExit, parseConfig, type ConfigShape } from './config.ts';

const shape = {
  HTTP_PORT: env.port(8080, 'port of the public API'),
  ADMIN_PORT: env.port(9090, 'port of /healthz and /metrics'),
  DATABASE_NAME: env.required('database to use'),
  TIMEOUT_MS: env.int(5000, 'per-request timeout'),
};

/** Parses one field named `X` from one raw value, so builder behaviour can be checked in isolation. */
function parseOne(field: ConfigShape[string], value: string | undefined) {
  return parseConfig({ X: field }, { X: value });
}

function problemKeys(result: ReturnType<typeof parseConfig>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.key).sort();
}

describe('parseConfig', () => {
  it('applies defaults to unset keys and coerces numbers', () => {
    const result = parseConfig(shape, { DATABASE_NAME: 'main', TIMEOUT_MS: '250' });
    expect(result).toEqual({
      ok: true,
      config: { HTTP_PORT: 8080, ADMIN_PORT: 9090, DATABASE_NAME: 'main', TIMEOUT_MS: 250 },
    });
  });

  it('lists every bad key at once, not only the first', () => {
    const result = parseConfig(shape, { HTTP_PORT: 'eighty', ADMIN_PORT: '70000' });
    expect(result.ok).toBe(false);
    expect(problemKeys(result)).toEqual(['ADMIN_PORT', 'DATABASE_NAME', 'HTTP_PORT']);
  });

  it('treats empty strings as unset, so defaults apply and required keys are reported missing', () => {
    const result = parseConfig(shape, { HTTP_PORT: '', DATABASE_NAME: '' });
    expect(problemKeys(result)).toEqual(['DATABASE_NAME']);
    const withName = parseConfig(shape, { HTTP_PORT: '', DATABASE_NAME: 'main' });
    expect(withName.ok && withName.config.HTTP_PORT).toBe(8080);
  });

  it('ignores variables that are not in the schema', () => {
    const result = parseConfig({ A: env.string('a', 'doc') }, { A: 'x', PATH: '/usr/bin' });
    expect(result).toEqual({ ok: true, config: { A: 'x' } });
  });

  it('rejects ports that are not integers in 0..65535', () => {
    for (const bad of ['-1', '65536', '80.5', 'http']) {
      expect(parseOne(env.port(1, 'p'), bad).ok, bad).toBe(false);
    }
    expect(parseOne(env.port(1, 'p'), '0')).toEqual({ ok: true, config: { X: 0 } });
  });

  it('reads the base keys every service has', () => {
    const result = parseConfig(baseConfig('runner', 9464), { LOG_LEVEL: 'debug' });
    expect(result).toEqual({
      ok: true,
      config: {
        SERVICE_NAME: 'runner',
        LOG_LEVEL: 'debug',
        HOST: '127.0.0.1',
        ADMIN_PORT: 9464,
        SHUTDOWN_TIMEOUT_MS: 10_000,
      },
    });
  });
});

describe('env builders', () => {
  it('list splits on commas, trims and drops empty items', () => {
    expect(parseOne(env.list('a,b', 'd'), ' x , y,,z ,')).toEqual({
      ok: true,
      config: { X: ['x', 'y', 'z'] },
    });
    expect(parseOne(env.list('a, b', 'd'), undefined)).toEqual({ ok: true, config: { X: ['a', 'b'] } });
    expect(parseOne(env.list('', 'd'), undefined)).toEqual({ ok: true, config: { X: [] } });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('bool reads %s as %s', (raw, expected) => {
    expect(parseOne(env.bool(!expected, 'd'), raw)).toEqual({ ok: true, config: { X: expected } });
  });

  it('bool falls back to its default when unset and rejects other words', () => {
    expect(parseOne(env.bool(true, 'd'), undefined)).toEqual({ ok: true, config: { X: true } });
    expect(parseOne(env.bool(false, 'd'), '')).toEqual({ ok: true, config: { X: false } });
    expect(parseOne(env.bool(false, 'd'), 'on').ok).toBe(false);
    expect(parseOne(env.bool(false, 'd'), 'TRUE').ok).toBe(false);
  });

  it('url accepts only the given schemes and names them in the problem', () => {
    const field = env.url('redis://localhost:6379', ['redis', 'rediss'], 'd');
    expect(parseOne(field, 'rediss://cache:6380')).toEqual({
      ok: true,
      config: { X: 'rediss://cache:6380' },
    });
    expect(parseOne(field, undefined)).toEqual({ ok: true, config: { X: 'redis://localhost:6379' } });
    expect(parseOne(field, 'http://cache:6379')).toEqual({
      ok: false,
      problems: [{ key: 'X', message: 'must be a redis or rediss URL' }],
    });
    expect(parseOne(field, 'cache:6379').ok).toBe(false);
  });

  it('oneOf accepts listed values, defaults when unset and rejects others', () => {
    const field = env.oneOf(['a', 'b'], 'b', 'd');
    expect(parseOne(field, 'a')).toEqual({ ok: true, config: { X: 'a' } });
    expect(parseOne(field, undefined)).toEqual({ ok: true, config: { X: 'b' } });
    expect(parseOne(field, 'c').ok).toBe(false);
  });

  it('optional stays undefined when unset', () => {
    expect(parseOne(env.optional('d'), '')).toEqual({ ok: true, config: { X: undefined } });
    expect(parseOne(env.optional('d'), 'v')).toEqual({ ok: true, config: { X: 'v' } });
  });
});

describe('loadConfigOrExit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** process.exit is replaced by a throw so the code after it never runs, as in production. */
  function spyOnExit() {
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const written = () => stderr.mock.calls.map((call) => String(call[0])).join('');
    return { exit, written };
  }

  it('returns the config when the environment is valid', () => {
    const { exit } = spyOnExit();
    expect(loadConfigOrExit('svc', shape, { DATABASE_NAME: 'main' }).DATABASE_NAME).toBe('main');
    expect(exit).not.toHaveBeenCalled();
  });

  it('prints every bad key with its description to stderr and exits with 78', () => {
    const { exit, written } = spyOnExit();
    expect(() => loadConfigOrExit('svc', shape, { HTTP_PORT: 'x', ADMIN_PORT: '-5' })).toThrow('exit 78');
    expect(exit).toHaveBeenCalledExactlyOnceWith(78);
    const text = written();
    expect(text).toContain('svc: invalid configuration, 3 bad key(s)');
    expect(text).toMatch(/^ {2}HTTP_PORT: .+ \(port of the public API\)$/m);
    expect(text).toMatch(/^ {2}ADMIN_PORT: .+ \(port of \/healthz and \/metrics\)$/m);
    expect(text).toMatch(/^ {2}DATABASE_NAME: .+ \(database to use\)$/m);
    expect(text).not.toContain('TIMEOUT_MS');
  });

  it('also prints descriptions of transformed fields', () => {
    const { written } = spyOnExit();
    const boolShape = { DEBUG: env.bool(false, 'extra diagnostics') };
    expect(() => loadConfigOrExit('svc', boolShape, { DEBUG: 'maybe' })).toThrow('exit 78');
    expect(written()).toMatch(/^ {2}DEBUG: .+ \(extra diagnostics\)$/m);
  });
});
