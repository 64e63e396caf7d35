import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import { AccessLog, accessLogger } from './access-log.ts';
import { lazyRequestLogger } from './request-logger.ts';

const capture = () => {
  const lines: string[] = [];
  const logger = createLogger({
    service: 't',
    level: 'info',
    destination: { write: (l: string) => lines.push(l) },
  });
  return { lines, logger, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('the access log', () => {
  it('writes one line per request, with the path but never the query string', async () => {
    const { lines, logger } = capture();
    const app = Fastify({
      loggerInstance: logger,
      logController: new AccessLog(accessLogger(logger), 'all'),
    });
    app.get('/runs/:id/events', () => 'ok');
    await app.inject({ method: 'GET', url: '/runs/r1/events?ticket=dwt.very-secret-ticket&lastEventId=3' });
    await app.inject({ method: 'GET', url: '/nowhere?token=also-secret' });
    await app.close();
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ method: 'GET', path: '/runs/r1/events', status: 200 });
    expect(logged[0]?.reqId).toEqual(expect.any(String));
    expect(logged[1]).toMatchObject({ path: '/nowhere', status: 404 });
    expect(lines.join('')).not.toMatch(/secret/);
  });

  it('logs only refused and failed requests in the failures mode', async () => {
    const { parsed, logger } = capture();
    const app = Fastify({
      loggerInstance: logger,
      logController: new AccessLog(accessLogger(logger), 'failures'),
    });
    app.get('/ok', () => 'ok');
    await app.inject({ method: 'GET', url: '/ok' });
    await app.inject({ method: 'GET', url: '/missing' });
    await app.close();
    expect(
      parsed()
        .filter((l) => l.msg === 'request')
        .map((l) => l.status),
    ).toEqual([404]);
  });

  it("keeps the request id on the request's own lines, though its logger is made only when used", async () => {
    const { parsed, logger } = capture();
    const app = Fastify({
      loggerInstance: logger,
      logController: new AccessLog(accessLogger(logger), 'off'),
      childLoggerFactory: lazyRequestLogger,
      genReqId: () => 'req-12345678',
    });
    app.get('/quiet', (request) => request.log.level);
    app.get('/loud', (request) => {
      request.log.debug('below the level');
      request.log.warn({ detail: 1 }, 'something odd');
      return 'ok';
    });
    expect((await app.inject({ method: 'GET', url: '/quiet' })).body).toBe('info');
    await app.inject({ method: 'GET', url: '/loud' });
    await app.close();
    expect(parsed()).toEqual([
      expect.objectContaining({ reqId: 'req-12345678', detail: 1, msg: 'something odd' }),
    ]);
  });
});
