import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from '@dagwright/kit';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
type LogFn = FastifyBaseLogger['info'];

/**
 * `request.log` made lazily: fastify builds a child logger (bound to the request id) for every request, which
 * costs a few microseconds of binding serialisation and redaction although most requests log nothing through
 * it (the access line has its own logger). This stands in for it and builds the real child on the first line.
 */
class LazyRequestLogger {
  private readonly parent: Logger;
  private readonly bindings: Bindings;
  private readonly options: ChildOptions;
  private made: Logger | undefined;

  constructor(parent: Logger, bindings: Bindings, options: ChildOptions) {
    this.parent = parent;
    this.bindings = bindings;
    this.options = options;
  }

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.made ?? this.parent).isLevelEnabled(level);
  }

  fatal(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('fatal')) this.real().fatal(...args);
  }

  error(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('error')) this.real().error(...args);
  }

  warn(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('warn')) this.real().warn(...args);
  }

  info(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('info')) this.real().info(...args);
  }

  debug(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('debug')) this.real().debug(...args);
  }

  trace(...args: Parameters<LogFn>): void {
    if (this.isLevelEnabled('trace')) this.real().trace(...args);
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  private real(): Logger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }
}

const isPino = (logger: FastifyBaseLogger): logger is Logger => 'isLevelEnabled' in logger;

/** fastify's `childLoggerFactory` for the service's pino logger: request loggers that cost nothing until they log. */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildOptions,
): FastifyBaseLogger {
  if (!isPino(logger)) throw new Error('request loggers need the service logger (pino)');
  return new LazyRequestLogger(logger, bindings, options);
}
