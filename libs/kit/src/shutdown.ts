import type { Logger } from 'pino';

/** Handlers with a higher priority run first; handlers of equal priority run together. */
export const ShutdownPriority = {
  /** Stop taking new work: close listeners, stop consumers. */
  stopIntake: 300,
  /** Finish or hand back in-flight work: relays, schedulers. */
  drain: 200,
  /** Close connections to infrastructure. */
  closeConnections: 100,
  /** Flush telemetry last, so the shutdown itself is traced and logged. */
  flushTelemetry: 0,
} as const;

interface Handler {
  name: string;
  priority: number;
  run: () => Promise<void> | void;
}

/** Options for the shutdown service. */
export interface ShutdownOptions {
  logger: Logger;
  timeoutMs: number;
  /** Called with the exit code at the end; `process.exit` in services, a spy in tests. */
  exit?: (code: number) => void;
}

/** Runs registered handlers by priority under `allSettled`, with a timer that forces the exit. */
export class Shutdown {
  private readonly handlers: Handler[] = [];
  private running: Promise<void> | undefined;

  private readonly options: ShutdownOptions;

  constructor(options: ShutdownOptions) {
    this.options = options;
  }

  /** Registers a handler; returns this for chaining. */
  register(name: string, priority: number, run: Handler['run']): this {
    this.handlers.push({ name, priority, run });
    return this;
  }

  /** Wires SIGTERM and SIGINT to `shutdown`. */
  listen(): this {
    process.once('SIGTERM', () => void this.shutdown('SIGTERM'));
    process.once('SIGINT', () => void this.shutdown('SIGINT'));
    return this;
  }

  /** Runs every handler once (later calls join the first) and exits with `exitCode`, or 1 when a handler failed. */
  shutdown(reason: string, exitCode = 0): Promise<void> {
    this.running ??= this.run(reason, exitCode);
    return this.running;
  }

  private async run(reason: string, exitCode: number): Promise<void> {
    const { logger, timeoutMs } = this.options;
    const exit = this.options.exit ?? ((code: number) => process.exit(code));
    logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out, forcing exit');
      exit(1);
    }, timeoutMs);
    timer.unref();

    let failures = 0;
    const priorities = [...new Set(this.handlers.map((h) => h.priority))].sort((a, b) => b - a);
    for (const priority of priorities) {
      const group = this.handlers.filter((h) => h.priority === priority);
      const results = await Promise.allSettled(group.map(async (h) => h.run()));
      for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled') continue;
        failures += 1;
        logger.error({ err: result.reason as unknown, handler: group[i]?.name }, 'shutdown handler failed');
      }
    }
    const failed = failures > 0;
    clearTimeout(timer);
    logger.info({ failed }, 'shutdown complete');
    logger.flush();
    exit(failed ? 1 : exitCode);
  }
}
