import {
  Server,
  ServerCredentials,
  status as GrpcStatus,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from 'pino';
import { toAppError, type AppError } from '../errors.ts';
import { observeRequest, type Metrics } from '../metrics.ts';
import { contextFromMetadata, deadlineOf, type CallContext } from './context.ts';
import { toGrpcStatus } from './status.ts';

/** A unary method: request and call context in, response out; throws errors of the family. */
export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

/** A server-streaming method: writes with `send`, ends when the promise resolves; `signal` aborts when the caller leaves. */
export type StreamHandler<Req, Res> = (
  request: Req,
  ctx: CallContext,
  send: (message: Res) => void,
  signal: AbortSignal,
) => Promise<void>;

/** Handlers of one service by method name (as in the .proto, either case). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler is typed where it is written
export type ServiceHandlers = Record<string, UnaryHandler<any, any> | StreamHandler<any, any>>;

/** One gRPC service to serve: its definition from the contracts and our handlers. */
export interface GrpcServiceBinding {
  /** Full name, e.g. `dagwright.engine.v1.WorkflowService`; health is reported under it. */
  name: string;
  definition: ServiceDefinition;
  handlers: ServiceHandlers;
}

/** Options of the gRPC server. */
export interface GrpcServerOptions {
  host: string;
  port: number;
  services: GrpcServiceBinding[];
  /** Everything the server serves, for reflection (grpcurl). */
  packageDefinition: PackageDefinition;
  logger: Logger;
  metrics: Metrics;
}

/** The running server; `health` lets the service flip its status (e.g. NOT_SERVING while draining). */
export interface RunningGrpcServer {
  port: number;
  health: HealthImplementation;
  /** Stops accepting calls, waits for in-flight ones up to `graceMs`, then cancels the rest. */
  close(graceMs: number): Promise<void>;
}

function logFailure(logger: Logger, method: string, ctx: CallContext | undefined, error: AppError): void {
  const fields = { err: error, method, code: error.code, requestId: ctx?.requestId, tenant: ctx?.tenant };
  if (error.mapping.blame === 'bug') logger.error(fields, 'call failed');
  else if (error.mapping.blame === 'transient') logger.warn(fields, 'call failed');
  else logger.info(fields, 'call refused');
}

function wrapHandler(
  method: string,
  streaming: boolean,
  handler: UnaryHandler<unknown, unknown> | StreamHandler<unknown, unknown>,
  logger: Logger,
  metrics: Metrics,
) {
  const finish = (startedAt: bigint, code: GrpcStatus) =>
    observeRequest(metrics, { transport: 'grpc', method, code: GrpcStatus[code] }, startedAt);

  if (!streaming) {
    return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const startedAt = process.hrtime.bigint();
      let ctx: CallContext | undefined;
      void (async () => {
        try {
          ctx = contextFromMetadata(call.metadata, deadlineOf(call.getDeadline()));
          const response = await (handler as UnaryHandler<unknown, unknown>)(call.request, ctx);
          finish(startedAt, GrpcStatus.OK);
          callback(null, response);
        } catch (thrown) {
          const error = toAppError(thrown);
          logFailure(logger, method, ctx, error);
          finish(startedAt, error.mapping.grpc);
          callback(toGrpcStatus(error));
        }
      })();
    };
  }

  return (call: ServerWritableStream<unknown, unknown>) => {
    const startedAt = process.hrtime.bigint();
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    let ctx: CallContext | undefined;
    void (async () => {
      try {
        ctx = contextFromMetadata(call.metadata, deadlineOf(call.getDeadline()));
        await (handler as StreamHandler<unknown, unknown>)(
          call.request,
          ctx,
          (m) => call.write(m),
          abort.signal,
        );
        finish(startedAt, GrpcStatus.OK);
        call.end();
      } catch (thrown) {
        const error = toAppError(thrown);
        logFailure(logger, method, ctx, error);
        finish(startedAt, error.mapping.grpc);
        // grpc-js turns an 'error' event into the call's status; destroy() would end it without one.
        call.emit('error', Object.assign(new Error(error.message), toGrpcStatus(error)));
      }
    })();
  };
}

function implement(
  binding: GrpcServiceBinding,
  logger: Logger,
  metrics: Metrics,
): UntypedServiceImplementation {
  const implementation: UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(binding.definition)) {
    const handler = binding.handlers[name] ?? binding.handlers[method.originalName ?? name];
    if (handler === undefined) throw new Error(`${binding.name}: no handler for method ${name}`);
    if (method.requestStream) throw new Error(`${binding.name}.${name}: client streaming is not supported`);
    implementation[name] = wrapHandler(
      `${binding.name}/${name}`,
      method.responseStream,
      handler,
      logger,
      metrics,
    );
  }
  return implementation;
}

/** Starts a gRPC server with our services, `grpc.health.v1`, reflection, tenant checks, metrics and error mapping. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const { logger, metrics } = options;
  const server = new Server({ 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  const statuses: Record<string, 'SERVING' | 'NOT_SERVING'> = { '': 'NOT_SERVING' };
  for (const s of options.services) statuses[s.name] = 'NOT_SERVING';
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  new ReflectionService(options.packageDefinition).addToServer(server);
  for (const binding of options.services)
    server.addService(binding.definition, implement(binding, logger, metrics));

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  for (const name of Object.keys(statuses)) health.setStatus(name, 'SERVING');
  logger.info({ port, services: options.services.map((s) => s.name) }, 'gRPC server listening');

  return {
    port,
    health,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        for (const name of Object.keys(statuses)) health.setStatus(name, 'NOT_SERVING');
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
