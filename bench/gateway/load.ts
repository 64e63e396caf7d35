/**
 * The load generator of bench/gateway, in its own process so it never shares an event loop with the server
 * it measures: `node bench/gateway/load.ts '<json LoadSpec>'` prints one JSON LoadResult on stdout.
 */
import { autocannon } from '../../services/gateway/test/support/bench-deps.ts';

/** What to load and for how long. */
export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupS: number;
  durationS: number;
}

/** What one measured run gave. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const options = { url: spec.url, connections: spec.connections, headers: spec.headers };
if (spec.warmupS > 0) await autocannon({ ...options, duration: spec.warmupS });
const r = await autocannon({ ...options, duration: spec.durationS });
const result: LoadResult = {
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
};
process.stdout.write(JSON.stringify(result));
