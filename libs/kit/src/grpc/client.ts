import {
  credentials,
  type CallOptions,
  type Client,
  type ClientOptions,
  type Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import { DeadlineError } from '../errors.ts';
import { metadataFromContext, type CallContext } from './context.ts';
import { fromGrpcError } from './status.ts';

/** A generated client constructor (what proto-loader puts at `pkg.Service`). */
export type ClientConstructor<C extends Client> = new (
  address: string,
  creds: ReturnType<typeof credentials.createInsecure>,
  options?: ClientOptions,
) => C;

/** Options of a client. */
export interface GrpcClientOptions {
  /** Full service name, e.g. `dagwright.engine.v1.WorkflowService`, for the retry policy. */
  serviceName: string;
  /** Methods that are safe to repeat; only these are retried, only on UNAVAILABLE. */
  idempotentMethods?: string[];
}

/**
 * Builds a client that balances calls over every address the target resolves to (`dns:///` with a headless
 * Service gives one connection per pod) and retries idempotent methods on UNAVAILABLE; nothing else retries.
 */
export function createGrpcClient<C extends Client>(
  Ctor: ClientConstructor<C>,
  target: string,
  options: GrpcClientOptions,
): C {
  const methods = options.idempotentMethods ?? [];
  const serviceConfig = {
    loadBalancingConfig: [{ round_robin: {} }],
    methodConfig:
      methods.length === 0
        ? []
        : [
            {
              name: methods.map((method) => ({ service: options.serviceName, method })),
              retryPolicy: {
                maxAttempts: 4,
                initialBackoff: '0.1s',
                maxBackoff: '1s',
                backoffMultiplier: 2,
                retryableStatusCodes: ['UNAVAILABLE'],
              },
            },
          ],
  };
  return new Ctor(target, credentials.createInsecure(), {
    'grpc.service_config': JSON.stringify(serviceConfig),
    'grpc.keepalive_time_ms': 30_000,
  });
}

/** A generated unary client method, called with metadata, options and a callback. */
export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Res) => void,
) => unknown;

/** How long a call may take when the caller's context carries no deadline. */
export const DEFAULT_DEADLINE_MS = 10_000;

/** The deadline for the next hop: the caller's remaining deadline, capped by `timeoutMs`. */
export function nextDeadline(ctx: CallContext, timeoutMs = DEFAULT_DEADLINE_MS): Date {
  const own = Date.now() + timeoutMs;
  const inherited = ctx.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  return new Date(Math.min(own, inherited));
}

/** Calls a unary method with the context's identity and remaining deadline; failures become errors of the family. */
export function callUnary<Req, Res>(
  client: Client,
  method: UnaryMethod<Req, Res>,
  request: Req,
  ctx: CallContext,
  timeoutMs?: number,
): Promise<Res> {
  const deadline = nextDeadline(ctx, timeoutMs);
  if (deadline.getTime() <= Date.now()) return Promise.reject(new DeadlineError('no time left for the call'));
  return new Promise<Res>((resolve, reject) => {
    method.call(client, request, metadataFromContext(ctx), { deadline }, (error, response) => {
      if (error) reject(fromGrpcError(error));
      else resolve(response as Res);
    });
  });
}
