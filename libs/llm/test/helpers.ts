import { registryFromEnv as build, type ModelRegistry, type RegistryDeps } from '../src/index.ts';

/** Short backoff so retry tests take milliseconds. */
export const FAST_BACKOFF = { backoffInitialMs: 5, backoffMaxMs: 20 };

/** A registry from environment variables as a service would build it; fails the test on bad config. */
export function registryFromEnv(env: Record<string, string>, deps: RegistryDeps = {}): ModelRegistry {
  return build(env, { backoff: FAST_BACKOFF, ...deps });
}

/** A closed ticket schema that OpenAI strict mode accepts. */
export const TICKET_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string', pattern: '^.{3,}$' },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
  },
  required: ['title', 'priority'],
  additionalProperties: false,
};

/** The conversation of a ticket-triage call. */
export const TRIAGE_MESSAGES = [
  { role: 'system' as const, content: 'You triage support tickets into JSON.' },
  { role: 'user' as const, content: 'Customers cannot log in since the 2.3 release.' },
];
