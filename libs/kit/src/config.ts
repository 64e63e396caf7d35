import { z } from 'zod';

/** A config schema: one zod field per environment variable, each with a default (or required) and `.describe()`d. */
export type ConfigShape = Record<string, z.ZodType>;

/** One bad environment variable and why. */
export interface ConfigProblem {
  key: string;
  message: string;
}

/** Result of reading the environment against a schema: every problem at once, never the first only. */
export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problems: ConfigProblem[] };

/** Parses `env` against `shape`; empty strings count as unset so defaults apply. */
export function parseConfig<S extends ConfigShape>(
  shape: S,
  env: Record<string, string | undefined>,
): ConfigResult<z.infer<z.ZodObject<S>>> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = z.object(shape).safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.map((issue) => ({
    key: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  return { ok: false, problems };
}

/** Reads the environment or prints every bad key with its description and exits non-zero. */
export function loadConfigOrExit<S extends ConfigShape>(
  service: string,
  shape: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const result = parseConfig(shape, env);
  if (result.ok) return result.config;
  const lines = result.problems.map((p) => {
    const doc = shape[p.key]?.description;
    return `  ${p.key}: ${p.message}${doc ? ` (${doc})` : ''}`;
  });
  process.stderr.write(
    `${service}: invalid configuration, ${result.problems.length} bad key(s):\n${lines.join('\n')}\n`,
  );
  process.exit(78);
}

/** Field builders for the common kinds of environment variables. */
export const env = {
  /** A TCP port number. */
  port: (fallback: number, doc: string) =>
    z.coerce.number().int().min(0).max(65535).default(fallback).describe(doc),
  /** A positive integer, e.g. a timeout in milliseconds. */
  int: (fallback: number, doc: string) => z.coerce.number().int().min(0).default(fallback).describe(doc),
  /** A free string with a default. */
  string: (fallback: string, doc: string) => z.string().min(1).default(fallback).describe(doc),
  /** A string that has no default: start-up fails without it. */
  required: (doc: string) => z.string().min(1).describe(doc),
  /** A string that may be absent. */
  optional: (doc: string) => z.string().min(1).optional().describe(doc),
  /** A URL with one of the given schemes. */
  url: (fallback: string, schemes: string[], doc: string) =>
    z
      .string()
      .default(fallback)
      .refine((v) => schemes.some((s) => v.startsWith(`${s}://`)), {
        message: `must be a ${schemes.join(' or ')} URL`,
      })
      .describe(doc),
  /** A comma-separated list. */
  list: (fallback: string, doc: string) =>
    z
      .string()
      .default(fallback)
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      )
      .describe(doc),
  /** One of a fixed set of values. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number], doc: string) =>
    z.enum(values).default(fallback).describe(doc),
  /** `true`/`false` (also 1/0, yes/no). */
  bool: (fallback: boolean, doc: string) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .optional()
      .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'))
      .describe(doc),
} as const;

/** Keys every service reads: identity, log level, bind address, admin port and shutdown budget. */
export function baseConfig(service: string, adminPort: number) {
  return {
    SERVICE_NAME: env.string(service, 'name in logs, metrics and traces'),
    LOG_LEVEL: env.oneOf(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
      'pino log level',
    ),
    HOST: env.string('127.0.0.1', 'interface the servers bind to (0.0.0.0 in containers)'),
    ADMIN_PORT: env.port(adminPort, 'port of /healthz, /readyz and /metrics'),
    SHUTDOWN_TIMEOUT_MS: env.int(10_000, 'force exit when graceful shutdown takes longer'),
  };
}

/** The parsed type of a config shape. */
export type ConfigOf<S extends ConfigShape> = z.infer<z.ZodObject<S>>;

/** Keys of a service that owns a MongoDB database. */
export function mongoConfig(dbName: string) {
  return {
    MONGO_URL: env.url(
      'mongodb://127.0.0.1:27117/?directConnection=true',
      ['mongodb', 'mongodb+srv'],
      'MongoDB-protocol server to connect to',
    ),
    MONGO_DB: env.string(dbName, 'the database this service owns; no other service reads it'),
  };
}

/** Keys of a service that talks to Kafka. */
export function kafkaConfig() {
  return {
    KAFKA_BROKERS: env.list('127.0.0.1:19092', 'Kafka bootstrap servers, comma-separated'),
  };
}
