import { Metadata, type status as GrpcStatus, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import {
  DeadlineError,
  ERROR_TABLE,
  OperationalError,
  publicView,
  UnexpectedError,
  UserError,
  type AppError,
  type ErrorDetail,
  type ErrorKind,
} from '../errors.ts';

/** Binary trailer carrying the error's code and details as JSON, so the next hop can rebuild the error. */
export const ERROR_TRAILER = 'dagwright-error-bin';

/** The gRPC status a server sends for an error of the family; internals of bugs are not sent. */
export function toGrpcStatus(error: AppError): Partial<StatusObject> {
  const view = publicView(error);
  const metadata = new Metadata();
  metadata.set(ERROR_TRAILER, Buffer.from(JSON.stringify({ code: view.code, details: view.details })));
  return { code: error.mapping.grpc, details: view.message, metadata };
}

const KIND_BY_GRPC = new Map<GrpcStatus, ErrorKind>(
  (Object.entries(ERROR_TABLE) as [ErrorKind, (typeof ERROR_TABLE)[ErrorKind]][]).map(([kind, m]) => [
    m.grpc,
    kind,
  ]),
);

interface ErrorPayload {
  code?: string;
  details?: ErrorDetail[];
}

function readPayload(metadata: Metadata | undefined): ErrorPayload {
  const raw = metadata?.get(ERROR_TRAILER)[0];
  if (!Buffer.isBuffer(raw)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return {};
  }
  // The trailer comes from another process: keep only fields of the expected shape.
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { code, details } = parsed as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    details: Array.isArray(details) ? (details as ErrorDetail[]) : undefined,
  };
}

/** Rebuilds an error of the family from a failed gRPC call, keeping the server's code and details. */
export function fromGrpcError(error: ServiceError): AppError {
  const payload = readPayload(error.metadata);
  const kind = KIND_BY_GRPC.get(error.code);
  const message = error.details || error.message;
  const options = { details: payload.details ?? [], cause: error };
  if (kind === 'unavailable') return new OperationalError(payload.code ?? 'UNAVAILABLE', message, options);
  if (kind === 'deadline_exceeded') return new DeadlineError(message, options);
  if (kind === 'internal' || kind === undefined) return new UnexpectedError(message, options);
  return new UserError(kind, payload.code ?? kind.toUpperCase(), message, options);
}
