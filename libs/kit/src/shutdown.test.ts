import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.ts';
import { Shutdown, ShutdownPriority } from './shutdown.ts';

/** A shutdown service with an exit spy and the log lines it wrote. */
function setup(timeoutMs = 1000) {
  const chunks: string[] = [];
  const logger = createLogger({
    service: 'svc',
    level: 'info',
    destination: { write: (s) => chunks.push(s) },
  });
  const exit = vi.fn<(code: number) => void>();
  const shutdown = new Shutdown({ logger, timeoutMs, exit });
  const logs = () => chunks.map((c) => JSON.parse(c) as Record<string, unknown>);
  return { shutdown, exit, logs };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Shutdown', () => {
  it('runs handlers by priority, higher first, then exits with 0', async () => {
    const { shutdown, exit } = setup();
    const order: string[] = [];
    shutdown
      .register('telemetry', ShutdownPriority.flushTelemetry, () => {
        order.push('telemetry');
      })
      .register('mongo', ShutdownPriority.closeConnections, () => {
        order.push('mongo');
      })
      .register('http', ShutdownPriority.stopIntake, async () => {
        await tick();
        order.push('http');
      })
      .register('relay', ShutdownPriority.drain, () => {
        order.push('relay');
      });
    await shutdown.shutdown('SIGTERM');
    expect(order).toEqual(['http', 'relay', 'mongo', 'telemetry']);
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('runs handlers of equal priority concurrently', async () => {
    const { shutdown } = setup();
    const events: string[] = [];
    const handler = (name: string) => async () => {
      events.push(`${name}:start`);
      await tick();
      events.push(`${name}:end`);
    };
    shutdown.register('a', 100, handler('a')).register('b', 100, handler('b'));
    await shutdown.shutdown('test');
    expect(events).toEqual(['a:start', 'b:start', 'a:end', 'b:end']);
  });

  it('does not wait for a lower priority before a higher one has finished', async () => {
    const { shutdown } = setup();
    const events: string[] = [];
    shutdown
      .register('low', 1, () => {
        events.push('low');
      })
      .register('high', 2, async () => {
        events.push('high:start');
        await tick();
        events.push('high:end');
      });
    await shutdown.shutdown('test');
    expect(events).toEqual(['high:start', 'high:end', 'low']);
  });

  it('keeps going when a handler fails, logs it and exits with 1', async () => {
    const { shutdown, exit, logs } = setup();
    const ran: string[] = [];
    shutdown
      .register('broken', 200, () => {
        throw new Error('socket already closed');
      })
      .register('sibling', 200, () => {
        ran.push('sibling');
      })
      .register('later', 100, () => {
        ran.push('later');
      });
    await shutdown.shutdown('SIGTERM');
    expect(ran).toEqual(['sibling', 'later']);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(logs()).toContainEqual(
      expect.objectContaining({ msg: 'shutdown handler failed', handler: 'broken', level: 'error' }),
    );
  });

  it('treats a rejected promise like a thrown error', async () => {
    const { shutdown, exit } = setup();
    shutdown.register('async-broken', 1, () => Promise.reject(new Error('nope')));
    await shutdown.shutdown('test');
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('runs handlers once when shutdown is called again while running', async () => {
    const { shutdown, exit } = setup();
    const handler = vi.fn(() => tick());
    shutdown.register('once', 1, handler);
    const first = shutdown.shutdown('SIGTERM');
    const second = shutdown.shutdown('SIGINT', 1);
    expect(second).toBe(first);
    await Promise.all([first, second]);
    await shutdown.shutdown('again');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('forces exit(1) when a handler hangs past the timeout', async () => {
    const { shutdown, exit, logs } = setup(50);
    shutdown.register('hangs', 1, () => new Promise<void>(() => undefined));
    void shutdown.shutdown('SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1), { timeout: 2000, interval: 10 });
    expect(exit).toHaveBeenCalledTimes(1);
    expect(logs()).toContainEqual(
      expect.objectContaining({ msg: 'shutdown timed out, forcing exit', timeoutMs: 50 }),
    );
  });

  it('does not force an exit once the handlers finished in time', async () => {
    const { shutdown, exit } = setup(50);
    shutdown.register('quick', 1, () => undefined);
    await shutdown.shutdown('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('exits with the requested code even when all handlers succeed', async () => {
    const { shutdown, exit } = setup();
    shutdown.register('fine', 1, () => undefined);
    await shutdown.shutdown('fatal error in consumer', 1);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('exits with 0 when nothing was registered', async () => {
    const { shutdown, exit } = setup();
    await shutdown.shutdown('SIGTERM');
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });
});
