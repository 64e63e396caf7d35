import { register } from 'node:module';

/** What `startTelemetry` did, so callers (and tests) can tell and flush on shutdown. */
export interface Telemetry {
  enabled: boolean;
  shutdown(): Promise<void>;
}

const disabled: Telemetry = { enabled: false, shutdown: () => Promise.resolve() };
let current: Telemetry = disabled;

/** The telemetry started for this process (disabled until `startTelemetry` enabled it). */
export function telemetry(): Telemetry {
  return current;
}

/** Starts tracing with an OTLP/HTTP exporter when an endpoint is configured; a no-op otherwise. */
export async function startTelemetry(env: Record<string, string | undefined>): Promise<Telemetry> {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint === undefined || endpoint === '' || env.OTEL_SDK_DISABLED === 'true') return disabled;

  // ESM modules are only patched through the loader hook, which must be registered before they are imported.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- OpenTelemetry's ESM hook is written for register()
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { GrpcInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-grpc'),
    ]);
  // Metrics are scraped from /metrics (prom-client); only traces go to the collector.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? env.SERVICE_NAME ?? 'dagwright',
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [new HttpInstrumentation(), new GrpcInstrumentation()],
  });
  sdk.start();
  current = { enabled: true, shutdown: () => sdk.shutdown() };
  return current;
}
