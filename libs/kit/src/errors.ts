import { status as GrpcStatus } from '@grpc/grpc-js';

/** Where in the input a problem was found, and what it is. */
export interface ErrorDetail {
  code: string;
  path: string;
  message: string;
}

/** The kinds of failure every service distinguishes; each maps to one gRPC code and one HTTP status. */
export type ErrorKind =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'failed_precondition'
  | 'unauthenticated'
  | 'permission_denied'
  | 'rate_limited'
  | 'unavailable'
  | 'deadline_exceeded'
  | 'internal';

interface KindMapping {
  grpc: GrpcStatus;
  http: number;
  /** Whether the failure is the caller's (logged at info) or ours (logged at error). */
  blame: 'caller' | 'transient' | 'bug';
}

/** The one mapping table between error kinds, gRPC status codes and HTTP statuses. */
export const ERROR_TABLE: Readonly<Record<ErrorKind, KindMapping>> = {
  invalid_argument: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400, blame: 'caller' },
  not_found: { grpc: GrpcStatus.NOT_FOUND, http: 404, blame: 'caller' },
  conflict: { grpc: GrpcStatus.ABORTED, http: 409, blame: 'caller' },
  failed_precondition: { grpc: GrpcStatus.FAILED_PRECONDITION, http: 422, blame: 'caller' },
  unauthenticated: { grpc: GrpcStatus.UNAUTHENTICATED, http: 401, blame: 'caller' },
  permission_denied: { grpc: GrpcStatus.PERMISSION_DENIED, http: 403, blame: 'caller' },
  rate_limited: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 429, blame: 'caller' },
  unavailable: { grpc: GrpcStatus.UNAVAILABLE, http: 503, blame: 'transient' },
  deadline_exceeded: { grpc: GrpcStatus.DEADLINE_EXCEEDED, http: 504, blame: 'transient' },
  internal: { grpc: GrpcStatus.INTERNAL, http: 500, blame: 'bug' },
};

interface AppErrorOptions {
  details?: ErrorDetail[];
  cause?: unknown;
}

/** Base of the error family: a kind, a stable machine-readable code, a message and structured details. */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? [];
  }

  /** The gRPC code and HTTP status of this error. */
  get mapping(): KindMapping {
    return ERROR_TABLE[this.kind];
  }
}

/** The caller sent something we refuse; retrying the same request fails the same way. */
export class UserError extends AppError {
  readonly kind: ErrorKind;

  constructor(
    kind: Extract<
      ErrorKind,
      | 'invalid_argument'
      | 'not_found'
      | 'conflict'
      | 'failed_precondition'
      | 'unauthenticated'
      | 'permission_denied'
      | 'rate_limited'
    >,
    code: string,
    message: string,
    options?: AppErrorOptions,
  ) {
    super(code, message, options);
    this.kind = kind;
  }
}

/** Bad input: which fields and why are in `details`. */
export class ValidationError extends UserError {
  constructor(message: string, details: ErrorDetail[] = [], cause?: unknown) {
    super('invalid_argument', 'VALIDATION_FAILED', message, { details, cause });
  }
}

/** The thing asked for does not exist for this tenant (never says whether it exists for another). */
export class NotFoundError extends UserError {
  constructor(what: string, id: string) {
    super('not_found', 'NOT_FOUND', `${what} '${id}' was not found`, {
      details: [{ code: 'NOT_FOUND', path: what, message: `no ${what} with id '${id}'` }],
    });
  }
}

/** A concurrent writer changed the state first (compare-and-set lost). */
export class ConflictError extends UserError {
  constructor(message: string, code = 'CONFLICT') {
    super('conflict', code, message);
  }
}

/** A dependency is down or overloaded; the same call may succeed later. */
export class OperationalError extends AppError {
  readonly kind: ErrorKind = 'unavailable';
}

/** The call ran out of its deadline. */
export class DeadlineError extends AppError {
  readonly kind: ErrorKind = 'deadline_exceeded';

  constructor(message = 'the deadline was exceeded', options?: AppErrorOptions) {
    super('DEADLINE_EXCEEDED', message, options);
  }
}

/** A bug: something we did not expect. Its message is never shown to callers. */
export class UnexpectedError extends AppError {
  readonly kind: ErrorKind = 'internal';

  constructor(message: string, options?: AppErrorOptions) {
    super('INTERNAL', message, options);
  }
}

/** Turns anything thrown into a member of the error family; unknown errors become `UnexpectedError`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnexpectedError(message, { cause: error });
}

/** What a caller may see of an error: internals of 5xx errors are hidden. */
export function publicView(error: AppError): { code: string; message: string; details: ErrorDetail[] } {
  if (error.mapping.blame === 'bug') {
    return { code: 'INTERNAL', message: 'internal error', details: [] };
  }
  return { code: error.code, message: error.message, details: error.details };
}
