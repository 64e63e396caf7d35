import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { startTelemetry, telemetry } from './telemetry.ts';

/** Every module startTelemetry may load records itself here, so the disabled path can prove it loaded nothing. */
const loaded = vi.hoisted(() => ({ modules: [] as string[], sdkOptions: [] as unknown[], sdkShutdowns: 0 }));

vi.mock('node:module', () => ({
  register: vi.fn((specifier: string) => loaded.modules.push(`hook:${specifier}`)),
}));
vi.mock('@opentelemetry/sdk-node', () => {
  loaded.modules.push('sdk-node');
  return {
    NodeSDK: class {
      constructor(options: unknown) {
        loaded.sdkOptions.push(options);
      }
      start() {
        loaded.modules.push('sdk-started');
      }
      shutdown() {
        loaded.sdkShutdowns += 1;
        return Promise.resolve();
      }
    },
  };
});
vi.mock('@opentelemetry/exporter-trace-otlp-http', () => {
  loaded.modules.push('exporter');
  return { OTLPTraceExporter: vi.fn() };
});
vi.mock('@opentelemetry/instrumentation-http', () => {
  loaded.modules.push('instrumentation-http');
  return { HttpInstrumentation: vi.fn() };
});
vi.mock('@opentelemetry/instrumentation-grpc', () => {
  loaded.modules.push('instrumentation-grpc');
  return { GrpcInstrumentation: vi.fn() };
});

/** Runs before the enabled case below, since `telemetry()` is process-wide state. */
describe('startTelemetry without an endpoint', () => {
  it.each([
    ['no endpoint', {}],
    ['an empty endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: '' }],
    [
      'OTEL_SDK_DISABLED=true',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' },
    ],
  ])('is disabled and loads nothing with %s', async (_label, env: Record<string, string>) => {
    const result = await startTelemetry(env);
    expect(result.enabled).toBe(false);
    expect(telemetry().enabled).toBe(false);
    await expect(result.shutdown()).resolves.toBeUndefined();
    expect(loaded.modules).toEqual([]);
  });
});

describe('startTelemetry with an endpoint (SDK mocked)', () => {
  it('registers the ESM hook before loading the SDK, names the service and flushes on shutdown', async () => {
    const result = await startTelemetry({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318',
      SERVICE_NAME: 'runner',
    });
    expect(result.enabled).toBe(true);
    expect(telemetry()).toBe(result);
    expect(loaded.modules[0]).toBe('hook:@opentelemetry/instrumentation/hook.mjs');
    expect(loaded.modules).toContain('sdk-started');
    expect(loaded.sdkOptions).toEqual([expect.objectContaining({ serviceName: 'runner' })]);
    await result.shutdown();
    expect(loaded.sdkShutdowns).toBe(1);
  });
});

interface Received {
  method: string;
  url: string;
  type: string;
  body: Buffer;
}

/** A stand-in OTLP collector that also answers the traced request, recording everything it receives. */
async function startCollector() {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        type: req.headers['content-type'] ?? '',
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, received, close };
}

function runNode(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 20_000,
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The parent's OTEL_* variables are dropped so only the ones set here reach the child. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_')));
  return { ...base, ...extra };
}

describe('telemetry in a real process', () => {
  it('exports a span of an outgoing HTTP request to the OTLP endpoint', { timeout: 30_000 }, async () => {
    const collector = await startCollector();
    try {
      const register = fileURLToPath(new URL('register.ts', import.meta.url));
      const fixture = fileURLToPath(new URL('../../test/fixtures/otel-traced-request.ts', import.meta.url));
      const result = await runNode(
        ['--import', register, fixture],
        childEnv({
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`,
          OTEL_SERVICE_NAME: 'otel-test',
          OTEL_METRICS_EXPORTER: 'none',
          OTEL_LOGS_EXPORTER: 'none',
          PING_URL: `http://127.0.0.1:${collector.port}/ping`,
        }),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(collector.received).toContainEqual(expect.objectContaining({ method: 'GET', url: '/ping' }));
      const traces = collector.received.filter((r) => r.method === 'POST' && r.url === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      const body = Buffer.concat(traces.map((t) => t.body));
      expect(body.includes('otel-test')).toBe(true);
      expect(body.includes('@opentelemetry/instrumentation-http')).toBe(true);
    } finally {
      await collector.close();
    }
  });
});
