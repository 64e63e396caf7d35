import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** RED metrics (rate, errors, duration) shared by gRPC methods and HTTP routes, plus process defaults. */
export interface Metrics {
  registry: Registry;
  requests: Counter<'transport' | 'method' | 'code'>;
  duration: Histogram<'transport' | 'method' | 'code'>;
}

/** A fresh registry with default process metrics and the RED instruments, labelled with the service. */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'dagwright_requests_total',
    help: 'Requests handled, by transport (grpc, http), method or route, and result code.',
    labelNames: ['transport', 'method', 'code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'dagwright_request_duration_seconds',
    help: 'Time to handle a request, by transport, method or route, and result code.',
    labelNames: ['transport', 'method', 'code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, requests, duration };
}

/** Records one finished request into the RED instruments. */
export function observeRequest(
  metrics: Metrics,
  labels: { transport: 'grpc' | 'http'; method: string; code: string },
  startedAt: bigint,
): void {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  metrics.requests.inc(labels);
  metrics.duration.observe(labels, seconds);
}
