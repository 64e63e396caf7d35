import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line: credentials, tokens, keys and connection secrets. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.clientSecret',
  '*.apiKey',
  '*.api_key',
  '*.authorization',
  '*.cookie',
  '*.privateKey',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'metadata.authorization',
];

/** Credentials embedded in URLs (`mongodb://user:pass@host`) are masked wherever they appear in a message. */
// No `"` inside the match: lines are masked after serialisation, and a match must not span JSON fields.
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/\s:@"]*):([^/\s@"]+)@/gi;

/** Masks `user:password@` in connection strings. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1$2:***@');
}

/** Options of the service logger. */
export interface LoggerOptions {
  service: string;
  level: string;
  /** Where lines go; standard output by default. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

/** JSON logger with the service name on every line and secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Masks credentials anywhere in the line: messages, fields and error messages alike.
        streamWrite: maskUrlCredentials,
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
